import { beforeEach, describe, expect, it } from "vitest";
import { createMockApp, type MockApp } from "../../../../server/app.ts";
import { jsonpCall } from "../../../../server/suites/jsonp.ts";
import { PIGAI_CLIENTS } from "./fixtures.ts";

const BASE = "http://localhost/mock/pigai";
const CLIENT = PIGAI_CLIENTS[0]!;

let mock: MockApp;
beforeEach(() => {
  mock = createMockApp();
});

type Json = Record<string, unknown>;
const authorize = (fields: Record<string, string>, extra = "") =>
  mock.app.request(`${BASE}/oauth2/authorize2?${new URLSearchParams(fields).toString()}${extra}`);
const jsonp = (fields: Record<string, string> = {}) => authorize({ callback: "myfun", response_type: "token", client_id: CLIENT.client_id, state: "xyz", ...fields });
/** What the callback of a JSONP answer receives, once the answer is checked to call `name`. */
function callbackArgument(js: string, name = "myfun"): Json {
  const call = jsonpCall(js);
  expect(call?.callback).toBe(name);
  return call!.argument as Json;
}
const FORM = { "Content-Type": "application/x-www-form-urlencoded" };
const accessToken = (body: string, headers: Record<string, string> = FORM) =>
  mock.app.request(`${BASE}/oauth2/access_token`, { method: "POST", headers, body });
const credentials = (fields: Record<string, string> = {}) =>
  new URLSearchParams({ grant_type: "client_credentials", client_id: CLIENT.client_id, client_secret: CLIENT.client_secret, ...fields }).toString();
const me = (authorization?: string) => mock.app.request(`${BASE}/api/me`, { headers: authorization ? { Authorization: authorization } : {} });
const advance = (seconds: number) =>
  mock.app.request("http://localhost/mock/_control/clock/advance", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ seconds }) });

describe("pigai method one: GET /oauth2/authorize2 (JSONP)", () => {
  it("answers the document's demo as myfun({...}) with expires_in the string \"7200\"", async () => {
    const res = await jsonp();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/javascript; charset=utf-8");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const js = await res.text();
    expect(js).toMatch(/^myfun\(\{"access_token":"[0-9a-f]{40}","expires_in":"7200","token_type":"Bearer","state":"xyz"\}\)$/);
    const data = callbackArgument(js);
    expect(data.expires_in).toBe("7200");
    expect(data.state).toBe("xyz");
  });

  it("leaves state out when none was sent", async () => {
    const res = await authorize({ callback: "myfun", response_type: "token", client_id: CLIENT.client_id });
    expect(res.status).toBe(200);
    const data = callbackArgument(await res.text());
    expect(data).not.toHaveProperty("state");
    expect(data.token_type).toBe("Bearer");
  });

  it("accepts jQuery's generated callback and ignores its _= cache-buster", async () => {
    const name = "jQuery36001234567890123456_1700000000000";
    const res = await authorize({ callback: name, response_type: "token", client_id: CLIENT.client_id, state: "xyz" }, "&_=1700000000001");
    expect(res.status).toBe(200);
    expect(callbackArgument(await res.text(), name).state).toBe("xyz");
  });

  it("accepts a dotted callback path", async () => {
    const res = await jsonp({ callback: "window.app.onToken" });
    expect(res.status).toBe(200);
    expect((await res.text()).startsWith("window.app.onToken(")).toBe(true);
  });

  it.each([
    ["unknown client", { client_id: "APIKEY" }, "invalid_client"],
    ["missing client_id", { client_id: "" }, "invalid_request"],
    ["wrong response_type", { response_type: "code" }, "unsupported_response_type"],
  ])("answers %s through the callback with error_code 21329", async (_name, fields, error) => {
    const res = await jsonp(fields);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/javascript; charset=utf-8");
    const data = callbackArgument(await res.text());
    expect(data.error).toBe(error);
    expect(data.error_code).toBe(21329);
    expect(typeof data.error_description).toBe("string");
    expect(data).not.toHaveProperty("access_token");
  });

  it("answers a repeated parameter through the callback", async () => {
    const res = await authorize({ callback: "myfun", response_type: "token", client_id: CLIENT.client_id }, "&state=a&state=b");
    expect(res.status).toBe(200);
    expect(callbackArgument(await res.text()).error_description).toMatch(/state must not be repeated/);
  });

  it.each([
    ["missing", undefined],
    ["empty", ""],
    ["script injection", "alert(1);//"],
    ["markup", "<script>x</script>"],
    ["leading digit", "1abc"],
    ["trailing dot", "a."],
    ["too long", `a${"b".repeat(200)}`],
  ])("refuses a %s callback with 400 JSON that never reflects it", async (_name, callback) => {
    const fields: Record<string, string> = { response_type: "token", client_id: CLIENT.client_id, state: "xyz" };
    if (callback !== undefined) fields.callback = callback;
    const res = await authorize(fields);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const text = await res.text();
    if (callback) expect(text).not.toContain(callback);
    const body = JSON.parse(text) as Json;
    expect(body.error).toBe("invalid_request");
    expect(body.error_code).toBe(21329);
    expect(body.error_description).toMatch(/^callback/);
  });

  it("refuses a repeated callback with 400", async () => {
    const res = await authorize({ callback: "a", response_type: "token", client_id: CLIENT.client_id }, "&callback=b");
    expect(res.status).toBe(400);
    expect(((await res.json()) as Json).error_description).toMatch(/callback must not be repeated/);
  });

  it("escapes U+2028 in a reflected state so the script stays valid", async () => {
    const res = await jsonp({ state: "a\u2028b" });
    const js = await res.text();
    expect(js).toContain("a\\u2028b");
    expect(callbackArgument(js).state).toBe("a\u2028b");
  });

  it("refuses POST with 405 in the pigai envelope", async () => {
    const res = await mock.app.request(`${BASE}/oauth2/authorize2`, { method: "POST" });
    expect(res.status).toBe(405);
    expect(((await res.json()) as Json).error_code).toBe(21329);
  });
});

describe("pigai method two: POST /oauth2/access_token", () => {
  it("answers the document's curl (form body) with expires_in the number 7200 and scope null", async () => {
    const res = await accessToken(credentials());
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as Json;
    expect(body.access_token).toMatch(/^[0-9a-f]{40}$/);
    expect(body.expires_in).toBe(7200);
    expect(body.token_type).toBe("Bearer");
    expect(body.scope).toBeNull();
    expect(body).not.toHaveProperty("state");
    expect(Object.keys(body)).toEqual(["access_token", "expires_in", "token_type", "scope"]);
  });

  it("accepts a JSON body too", async () => {
    const res = await accessToken(JSON.stringify({ grant_type: "client_credentials", client_id: CLIENT.client_id, client_secret: CLIENT.client_secret }), { "Content-Type": "application/json" });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Json).expires_in).toBe(7200);
  });

  it.each([
    ["wrong secret", credentials({ client_secret: "Your_App_Secret" }), 401, "invalid_client"],
    ["unknown client", credentials({ client_id: "Your_App_Key" }), 401, "invalid_client"],
    ["missing secret", credentials({ client_secret: "" }), 400, "invalid_request"],
    ["missing grant_type", credentials({ grant_type: "" }), 400, "invalid_request"],
    ["wrong grant_type", credentials({ grant_type: "password" }), 400, "unsupported_grant_type"],
    ["repeated parameter", `${credentials()}&client_id=x`, 400, "invalid_request"],
  ])("answers %s in {error, error_code: 21329, error_description}", async (_name, body, status, error) => {
    const res = await accessToken(body);
    expect(res.status).toBe(status);
    const json = (await res.json()) as Json;
    expect(json).toEqual({ error, error_code: 21329, error_description: expect.any(String) });
  });

  it("challenges a wrong body credential as Form, and says Basic is not read", async () => {
    const wrong = await accessToken(credentials({ client_secret: "Your_App_Secret" }));
    expect(wrong.headers.get("www-authenticate")).toMatch(/^Form realm="pigai", error="invalid_client"/);
    const basic = await accessToken("grant_type=client_credentials", { ...FORM, Authorization: `Basic ${Buffer.from(`${CLIENT.client_id}:${CLIENT.client_secret}`).toString("base64")}` });
    expect(basic.status).toBe(400);
    const body = (await basic.json()) as Json;
    expect(body).toMatchObject({ error: "invalid_request", error_code: 21329 });
    expect(body.error_description).toMatch(/client_id is required.*body only.*Authorization: Basic/);
  });

  it("answers malformed JSON, wrong content type, huge bodies and GET in its envelope", async () => {
    const cases: Array<[Response, number]> = [
      [await accessToken("{oops", { "Content-Type": "application/json" }), 400],
      [await accessToken("<a/>", { "Content-Type": "text/xml" }), 415],
      [await accessToken(`client_id=${"a".repeat(70_000)}`), 413],
      [await mock.app.request(`${BASE}/oauth2/access_token`), 405],
    ];
    for (const [res, status] of cases) {
      expect(res.status).toBe(status);
      const body = (await res.json()) as Json;
      expect(body.error_code).toBe(21329);
      expect(body.error).toBe("invalid_request");
    }
  });
});

describe("pigai protected call GET /api/me (assumed)", () => {
  it("accepts tokens from both methods", async () => {
    const server = ((await (await accessToken(credentials())).json()) as Json).access_token as string;
    const browser = callbackArgument(await (await jsonp()).text()).access_token as string;
    for (const [token, method] of [[server, "client_credentials"], [browser, "jsonp"]] as const) {
      const res = await me(`Bearer ${token}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as Json;
      expect(body).toMatchObject({ client_id: CLIENT.client_id, method });
      expect(body.expires_in).toBeGreaterThan(7190);
      expect(body.expires_in).toBeLessThanOrEqual(7200);
    }
  });

  it("answers 401 in the pigai envelope when the token is missing, unknown or expired", async () => {
    const token = ((await (await accessToken(credentials())).json()) as Json).access_token as string;
    const missing = await me();
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as Json).error_code).toBe(21329);
    const unknown = await me(`Bearer ${"0".repeat(40)}`);
    expect(unknown.status).toBe(401);
    expect(((await unknown.json()) as Json).error).toBe("invalid_token");
    await advance(7199);
    expect((await me(`Bearer ${token}`)).status).toBe(200);
    await advance(2);
    const expired = await me(`Bearer ${token}`);
    expect(expired.status).toBe(401);
    expect(expired.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await expired.json()).toMatchObject({ error: "expired_token", error_code: 21329 });
  });

  it("forgets tokens on reset", async () => {
    const token = ((await (await accessToken(credentials())).json()) as Json).access_token as string;
    await mock.app.request("http://localhost/mock/_control/reset", { method: "POST" });
    const res = await me(`Bearer ${token}`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as Json).error).toBe("invalid_token");
  });

  it("answers unknown paths with 404 in its envelope", async () => {
    const res = await mock.app.request(`${BASE}/oauth2/authorize`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: "not_found", error_code: 21329 });
  });

  it("lists its client in /mock/_control/fixtures", async () => {
    const res = await mock.app.request("http://localhost/mock/_control/fixtures");
    const body = (await res.json()) as Record<string, { clients: Json[]; users: Json[] }>;
    expect(body.pigai!.clients[0]).toMatchObject({ client_id: CLIENT.client_id, client_secret: CLIENT.client_secret, redirect_uris: [] });
    expect(body.pigai!.users).toEqual([]);
  });
});

describe("pigai: expiry on the virtual clock", () => {
  it("ends a token exactly expires_in seconds after it was issued, not a second later", async () => {
    const token = ((await (await accessToken(credentials())).json()) as Json).access_token as string;
    await advance(7200);
    const expired = await me(`Bearer ${token}`);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ error: "expired_token" });
  });
});
