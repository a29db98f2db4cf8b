import { beforeEach, describe, expect, it } from "vitest";
import { createMockApp, type MockApp } from "../../../../server/app.ts";
import { ppmessageClients, PPMESSAGE_USERS } from "./fixtures.ts";

const BASE = "http://localhost/mock/ppmessage";
const CALLBACK = "http://localhost:4173/callback";
const [KEFU, CONSOLE] = ppmessageClients([]);
const USER = PPMESSAGE_USERS[0]!;

let mock: MockApp;
beforeEach(() => {
  mock = createMockApp();
});

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = { "Content-Type": "application/x-www-form-urlencoded" };
const authQuery = (fields: Record<string, string> = {}) =>
  new URLSearchParams({ state: "s-123", client_id: KEFU!.client_id, redirect_uri: CALLBACK, response_type: "code", ...fields }).toString();
const authorizePage = (query = authQuery()) => mock.app.request(`${BASE}/ppauth/auth?${query}`);
const login = (fields: Record<string, string> = {}) =>
  mock.app.request(`${BASE}/ppauth/auth`, {
    method: "POST",
    headers: FORM,
    body: form({ client_id: KEFU!.client_id, redirect_uri: CALLBACK, state: "s-123", response_type: "code", email: USER.email, password: USER.password, ...fields }),
  });
async function getCode(fields: Record<string, string> = {}): Promise<string> {
  const res = await login(fields);
  expect(res.status).toBe(302);
  return new URL(res.headers.get("location")!).searchParams.get("code")!;
}
const token = (fields: Record<string, string>, headers: Record<string, string> = FORM, body?: string) =>
  mock.app.request(`${BASE}/ppauth/token`, {
    method: "POST",
    headers,
    body: body ?? form({ client_id: KEFU!.client_id, client_secret: KEFU!.client_secret, redirect_uri: CALLBACK, grant_type: "authorization_code", ...fields }),
  });
async function getToken(): Promise<string> {
  const res = await token({ code: await getCode() });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}
const api = (name: string, body: unknown, headers: Record<string, string>) =>
  mock.app.request(`${BASE}/api/${name}`, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });
const oauthHeaders = (t: string) => ({ "Content-Type": "application/json", Authorization: `OAuth ${t}` });
const advance = (seconds: number) =>
  mock.app.request("http://localhost/mock/_control/clock/advance", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ seconds }) });
type Json = Record<string, unknown>;

describe("ppmessage /ppauth/auth (应用授权 page)", () => {
  it("renders the page with labelled email/password, 继续 and the original parameters as hidden fields", async () => {
    const res = await authorizePage();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    const page = await res.text();
    expect(page).toContain("应用授权");
    expect(page).toMatch(/<label for="email">邮箱 Email<\/label>/);
    expect(page).toMatch(/<label for="password">密码 Password<\/label>/);
    expect(page).toContain('<button type="submit">继续</button>');
    expect(page).toContain(`<input type="hidden" name="client_id" value="${KEFU!.client_id}">`);
    expect(page).toContain(`<input type="hidden" name="redirect_uri" value="${CALLBACK}">`);
    expect(page).toContain('<input type="hidden" name="state" value="s-123">');
    expect(page).toContain('action="http://localhost/mock/ppmessage/ppauth/auth"');
  });

  it("escapes every reflected value", async () => {
    const res = await authorizePage(authQuery({ state: '"><script>alert(1)</script>' }));
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).not.toContain("<script>alert(1)");
    expect(page).toContain("&quot;&gt;&lt;script&gt;");
  });

  it("refuses a redirect_id-only request with an error page naming redirect_uri", async () => {
    const query = new URLSearchParams({ state: "xxxx", client_id: KEFU!.client_id, redirect_id: CALLBACK, response_type: "code" }).toString();
    const res = await authorizePage(query);
    expect(res.status).toBe(400);
    expect(res.headers.get("location")).toBeNull();
    const page = await res.text();
    expect(page).toContain('role="alert"');
    expect(page).toContain("redirect_uri");
    expect(page).toContain("redirect_id");
  });

  it.each([
    ["unknown client", { code: "x", client_id: "nope" }, "invalid_client"],
    ["missing client_id", { client_id: "" }, "invalid_request"],
    ["unregistered redirect_uri", { redirect_uri: "http://evil.example/callback" }, "redirect_uri_mismatch"],
    ["trailing-slash redirect_uri", { redirect_uri: "http://you-site.com/" }, "redirect_uri_mismatch"],
    ["wrong response_type", { response_type: "token" }, "unsupported_response_type"],
  ])("shows an error page, never a redirect, for %s", async (_name, fields, error) => {
    const res = await authorizePage(authQuery(fields));
    expect(res.status).toBe(400);
    expect(res.headers.get("location")).toBeNull();
    expect(await res.text()).toContain(`error="${error}"`);
  });

  it("refuses repeated parameters", async () => {
    const res = await authorizePage(`${authQuery()}&state=again`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("must not be repeated");
  });

  it("redirects to redirect_uri?code=…&state=… when email and password match", async () => {
    const res = await login();
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe(CALLBACK);
    expect(location.searchParams.get("state")).toBe("s-123");
    expect(location.searchParams.get("code")).toMatch(/^[A-Za-z0-9+/]{54}==$/);
  });

  it("redirects to the document's http://you-site.com exactly as shown", async () => {
    const res = await login({ redirect_uri: "http://you-site.com" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/^http:\/\/you-site\.com\?code=[^&]+&state=s-123$/);
  });

  it("shows the page again with an error on a wrong password, never redirecting", async () => {
    const res = await login({ password: "wrong" });
    expect(res.status).toBe(200);
    expect(res.headers.get("location")).toBeNull();
    const page = await res.text();
    expect(page).toMatch(/role="alert">[^<]*Email and password do not match/);
    expect(page).toContain(`value="${USER.email}"`);
  });

  it("re-validates the posted authorize parameters", async () => {
    const res = await login({ redirect_uri: "http://evil.example" });
    expect(res.status).toBe(400);
    expect(res.headers.get("location")).toBeNull();
  });

  it("answers a JSON login post with an error page (415)", async () => {
    const res = await mock.app.request(`${BASE}/ppauth/auth`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    expect(res.status).toBe(415);
    expect(await res.text()).toContain("application/x-www-form-urlencoded");
  });
});

describe("ppmessage /ppauth/token", () => {
  it("exchanges a code for {access_token, token_type: Bearer, expires_in: 86400}", async () => {
    const res = await token({ code: await getCode() });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as Json;
    expect(body.token_type).toBe("Bearer");
    expect(body.expires_in).toBe(86400);
    expect(body.access_token).toMatch(/^[A-Za-z0-9+/]{54}==$/);
  });

  it("accepts a JSON body too", async () => {
    const code = await getCode();
    const res = await token({}, { "Content-Type": "application/json" }, JSON.stringify({ code, client_id: KEFU!.client_id, client_secret: KEFU!.client_secret, redirect_uri: CALLBACK, grant_type: "authorization_code" }));
    expect(res.status).toBe(200);
    expect(((await res.json()) as Json).token_type).toBe("Bearer");
  });

  it("refuses a replayed code and revokes the token it issued", async () => {
    const code = await getCode();
    const first = await token({ code });
    const accessToken = ((await first.json()) as Json).access_token as string;
    const ok = await api("PP_GET_APP_SERVICE_USER_LIST", { app_uuid: KEFU!.api_uuid }, oauthHeaders(accessToken));
    expect(ok.status).toBe(200);
    const replay = await token({ code });
    expect(replay.status).toBe(400);
    const body = (await replay.json()) as Json;
    expect(body.error).toBe("invalid_grant");
    expect(body.error_description).toMatch(/already used/);
    const revoked = await api("PP_GET_APP_SERVICE_USER_LIST", { app_uuid: KEFU!.api_uuid }, oauthHeaders(accessToken));
    expect(revoked.status).toBe(401);
    expect(((await revoked.json()) as Json).error_code).toBe("4");
  });

  it("requires the same redirect_uri as the authorize request", async () => {
    const res = await token({ code: await getCode(), redirect_uri: "http://you-site.com" });
    expect(res.status).toBe(400);
    const body = (await res.json()) as Json;
    expect(body.error).toBe("invalid_grant");
    expect(body.error_description).toMatch(/^redirect_uri mismatch/);
  });

  it("expires codes after 10 minutes (virtual clock)", async () => {
    const code = await getCode();
    await advance(601);
    const res = await token({ code });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Json).error).toBe("invalid_grant");
  });

  it("refuses a code issued to another client", async () => {
    const code = await getCode();
    const res = await token({ code, client_id: CONSOLE!.client_id, client_secret: CONSOLE!.client_secret });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Json).error_description).toMatch(/another client/);
  });

  it.each([
    ["wrong secret", { code: "x", client_secret: "nope" }, 401, "invalid_client"],
    ["unknown client", { code: "x", client_id: "nope" }, 401, "invalid_client"],
    ["missing code", {}, 400, "invalid_request"],
    ["unknown code", { code: "bm90LWEtY29kZQ==" }, 400, "invalid_grant"],
    ["wrong grant_type", { code: "x", grant_type: "client_credentials" }, 400, "unsupported_grant_type"],
    ["missing grant_type", { code: "x", grant_type: "" }, 400, "invalid_request"],
  ])("answers %s in the OAuth-style envelope", async (_name, fields, status, error) => {
    const res = await token(fields as Record<string, string>);
    expect(res.status).toBe(status);
    const body = (await res.json()) as Json;
    expect(body.error).toBe(error);
    expect(typeof body.error_description).toBe("string");
  });

  it("challenges a wrong body credential as Form (never Basic, which it does not read), and says so when Basic is sent", async () => {
    const wrong = await token({ code: "x", client_secret: "nope" });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("www-authenticate")).toMatch(/^Form realm="ppauth", error="invalid_client"/);
    const basic = await token({}, { ...FORM, Authorization: `Basic ${Buffer.from(`${KEFU!.client_id}:${KEFU!.client_secret}`).toString("base64")}` }, form({ code: "x", grant_type: "authorization_code", redirect_uri: CALLBACK }));
    expect(basic.status).toBe(400);
    expect(((await basic.json()) as Json).error_description).toMatch(/Missing client_id.*body only.*Authorization: Basic/);
  });

  it("refuses repeated parameters, malformed JSON, wrong content type and GET", async () => {
    const repeated = await token({}, FORM, `${form({ code: "a", client_id: KEFU!.client_id, client_secret: KEFU!.client_secret, redirect_uri: CALLBACK, grant_type: "authorization_code" })}&code=b`);
    expect(repeated.status).toBe(400);
    expect(((await repeated.json()) as Json).error_description).toMatch(/code must not be repeated/);
    const malformed = await token({}, { "Content-Type": "application/json" }, "{not json");
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as Json).error).toBe("invalid_request");
    const xml = await token({}, { "Content-Type": "text/xml" }, "<a/>");
    expect(xml.status).toBe(415);
    expect(((await xml.json()) as Json).error).toBe("invalid_request");
    const get = await mock.app.request(`${BASE}/ppauth/token`);
    expect(get.status).toBe(405);
    expect(((await get.json()) as Json).error).toBe("invalid_request");
  });

  it("answers a body over 64 KB with 413 in its envelope", async () => {
    const res = await token({}, FORM, `code=${"a".repeat(70_000)}`);
    expect(res.status).toBe(413);
    expect(((await res.json()) as Json).error).toBe("invalid_request");
  });
});

describe("ppmessage POST /api/<NAME>", () => {
  it("answers PP_GET_APP_SERVICE_USER_LIST in the documented envelope", async () => {
    const res = await api("PP_GET_APP_SERVICE_USER_LIST", { app_uuid: KEFU!.api_uuid }, oauthHeaders(await getToken()));
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    expect(body.error_code).toBe("0");
    expect(body.error_string).toBe("success");
    expect(body.uri).toBe("/PP_GET_APP_SERVICE_USER_LIST");
    const list = body.list as Json[];
    expect(list.map((u) => u.user_email)).toContain(USER.email);
    expect(list[0]!.uuid).toBe(USER.user_uuid);
  });

  it("answers PP_GET_USER_INFO for the signed-in user's user_uuid", async () => {
    const res = await api("PP_GET_USER_INFO", { app_uuid: CONSOLE!.api_uuid, user_uuid: USER.user_uuid }, oauthHeaders(await getToken()));
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    expect(body).toMatchObject({ error_code: "0", error_string: "success", uri: "/PP_GET_USER_INFO", uuid: USER.user_uuid, user_email: USER.email });
    expect(body).not.toHaveProperty("password");
  });

  it.each([
    ["missing token", {} as Record<string, string>, "3"],
    ["Bearer scheme", { Authorization: "Bearer TOKEN" }, "3"],
    ["unknown token", { Authorization: "OAuth bm9wZQ==" }, "4"],
  ])("answers %s with 401 and a non-zero error_code", async (_name, auth, code) => {
    const t = await getToken();
    const headers = { "Content-Type": "application/json", ...Object.fromEntries(Object.entries(auth).map(([k, v]) => [k, v.replace("TOKEN", t)])) };
    const res = await api("PP_GET_APP_SERVICE_USER_LIST", { app_uuid: KEFU!.api_uuid }, headers);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^OAuth/);
    const body = (await res.json()) as Json;
    expect(body.error_code).toBe(code);
    expect(body.uri).toBe("/PP_GET_APP_SERVICE_USER_LIST");
    if (auth.Authorization?.startsWith("Bearer")) expect(body.error_string).toMatch(/scheme is OAuth, not Bearer/);
  });

  it("expires tokens after 24 h on the virtual clock", async () => {
    const t = await getToken();
    await advance(86_399);
    expect((await api("PP_GET_APP_SERVICE_USER_LIST", { app_uuid: KEFU!.api_uuid }, oauthHeaders(t))).status).toBe(200);
    await advance(2);
    const res = await api("PP_GET_APP_SERVICE_USER_LIST", { app_uuid: KEFU!.api_uuid }, oauthHeaders(t));
    expect(res.status).toBe(401);
    expect(((await res.json()) as Json).error_code).toBe("5");
  });

  it("forgets tokens on reset", async () => {
    const t = await getToken();
    await mock.app.request("http://localhost/mock/_control/reset", { method: "POST" });
    const res = await api("PP_GET_APP_SERVICE_USER_LIST", { app_uuid: KEFU!.api_uuid }, oauthHeaders(t));
    expect(res.status).toBe(401);
    expect(((await res.json()) as Json).error_code).toBe("4");
  });

  it.each([
    ["missing app_uuid", "PP_GET_APP_SERVICE_USER_LIST", {}, 400, "6"],
    ["unknown app_uuid", "PP_GET_APP_SERVICE_USER_LIST", { app_uuid: "nope" }, 404, "13"],
    ["missing user_uuid", "PP_GET_USER_INFO", { app_uuid: "KEFU" }, 400, "6"],
    ["unknown user_uuid", "PP_GET_USER_INFO", { app_uuid: "KEFU", user_uuid: "nope" }, 404, "7"],
    ["unknown API name", "PP_NO_SUCH_API", { app_uuid: "KEFU" }, 404, "21"],
  ])("answers %s in the envelope", async (_name, name, body, status, code) => {
    const fixed = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, v === "KEFU" ? KEFU!.api_uuid : v]));
    const res = await api(name, fixed, oauthHeaders(await getToken()));
    expect(res.status).toBe(status);
    const json = (await res.json()) as Json;
    expect(json.error_code).toBe(code);
    expect(json.uri).toBe(`/${name}`);
    expect(typeof json.error_string).toBe("string");
  });

  it("answers non-JSON, malformed JSON, a JSON array and GET with error_code 1", async () => {
    const t = await getToken();
    const cases: Array<[Response, number]> = [
      [await api("PP_GET_APP_SERVICE_USER_LIST", "app_uuid=x", { "Content-Type": "application/x-www-form-urlencoded", Authorization: `OAuth ${t}` }), 415],
      [await api("PP_GET_APP_SERVICE_USER_LIST", "{oops", oauthHeaders(t)), 400],
      [await api("PP_GET_APP_SERVICE_USER_LIST", "[1]", oauthHeaders(t)), 400],
      [await mock.app.request(`${BASE}/api/PP_GET_APP_SERVICE_USER_LIST`, { headers: { Authorization: `OAuth ${t}` } }), 405],
    ];
    for (const [res, status] of cases) {
      expect(res.status).toBe(status);
      const body = (await res.json()) as Json;
      expect(body.error_code).toBe("1");
      expect(body.uri).toBe("/PP_GET_APP_SERVICE_USER_LIST");
    }
  });

  it("answers a body over 64 KB with 413 in the envelope", async () => {
    const res = await api("PP_GET_APP_SERVICE_USER_LIST", JSON.stringify({ pad: "x".repeat(70_000) }), oauthHeaders("t"));
    expect(res.status).toBe(413);
    expect(((await res.json()) as Json).error_code).toBe("1");
  });

  it("answers unknown paths with a 404 in its envelope", async () => {
    const res = await mock.app.request(`${BASE}/nope`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as Json).error_code).toBe("21");
    const ppauth = await mock.app.request(`${BASE}/ppauth/nope`);
    expect(ppauth.status).toBe(404);
    expect(((await ppauth.json()) as Json).error).toBe("not_found");
  });

  it("lists its clients and users in /mock/_control/fixtures", async () => {
    const res = await mock.app.request("http://localhost/mock/_control/fixtures");
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, { clients: Json[]; users: Json[] }>;
    const clients = body.ppmessage!.clients;
    expect(clients.map((c) => c.kind)).toEqual(["kefu", "console"]);
    expect(clients[0]).toMatchObject({ client_id: KEFU!.client_id, client_secret: KEFU!.client_secret, api_uuid: KEFU!.api_uuid });
    expect(clients[0]!.redirect_uris).toContain("http://localhost:4173/callback");
    expect(body.ppmessage!.users[0]).toMatchObject({ email: USER.email, password: USER.password, user_uuid: USER.user_uuid });
  });
});

describe("ppmessage: expiry on the virtual clock", () => {
  it("ends a token exactly 86400 seconds after it was issued, not a second later", async () => {
    const t = await getToken();
    await advance(86_400);
    const res = await api("PP_GET_APP_SERVICE_USER_LIST", { app_uuid: KEFU!.api_uuid }, oauthHeaders(t));
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error_code: string }).error_code).toBe("5");
  });
});
