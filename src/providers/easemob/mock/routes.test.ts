import { beforeEach, describe, expect, it } from "vitest";
import { createMockApp, type MockApp } from "../../../../server/app.ts";

const BASE = "http://localhost/mock/easemob";
const CLIENT_ID = "YXA6i-Ak8Ol4Eei2l11ZjV-EAg";
const CLIENT_SECRET = "YXA6VunqiNxoB7IwXHInk1cGiXOOJfc";
const APPLICATION = "8be024f0-e978-11e8-b697-5d598d5f8402";

let mock: MockApp;
beforeEach(() => {
  mock = createMockApp();
});

const headers = { "Content-Type": "application/json", Accept: "application/json" };
const tokenRequest = (body: string, extra: Record<string, string> = headers, path = "/easemob-demo/testapp/token") =>
  mock.app.request(`${BASE}${path}`, { method: "POST", headers: extra, body });
const token = (fields: Record<string, unknown> = {}) =>
  tokenRequest(JSON.stringify({ grant_type: "client_credentials", client_id: CLIENT_ID, client_secret: CLIENT_SECRET, ...fields }));
const users = (accessToken: string | undefined, path = "/easemob-demo/testapp/users") =>
  mock.app.request(`${BASE}${path}`, { headers: accessToken === undefined ? {} : { Authorization: `Bearer ${accessToken}` } });
const advance = (seconds: number) =>
  mock.app.request("http://localhost/mock/_control/clock/advance", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ seconds }) });

function expectEnvelope(body: Record<string, unknown>, error: string) {
  expect(body.error).toBe(error);
  expect(typeof body.exception).toBe("string");
  expect(typeof body.timestamp).toBe("number");
  expect(body.duration).toBe(0);
  expect(typeof body.error_description).toBe("string");
}

describe("easemob app token", () => {
  it("answers the document's curl example verbatim (ttl as the string \"1024000\")", async () => {
    const body = `{
   "grant_type": "client_credentials",
   "client_id": "YXA6i-Ak8Ol4Eei2l11ZjV-EAg",
   "client_secret": "YXA6VunqiNxoB7IwXHInk1cGiXOOJfc",
   "ttl": "1024000"
 }`;
    const res = await tokenRequest(body);
    expect(res.status).toBe(200);
    const json = await res.json();
    expect(json.expires_in).toBe(1024000);
    expect(json.application).toBe(APPLICATION);
    expect(json.access_token).toMatch(/^YWMt[A-Za-z0-9_-]{100,}$/);
    expect(Object.keys(json).sort()).toEqual(["access_token", "application", "expires_in"]);
  });

  it("accepts ttl as a number and uses the configured default when ttl is absent", async () => {
    const numeric = await (await token({ ttl: 3600 })).json();
    expect(numeric.expires_in).toBe(3600);
    const fixtures = await (await mock.app.request("http://localhost/mock/_control/fixtures")).json();
    const settings = fixtures.easemob.settings;
    expect(settings).toMatchObject({ default_ttl: 5184000, rate_limit_max_requests: 5, rate_limit_window_seconds: 60, ban_seconds: 600 });
    expect(fixtures.easemob.clients[0]).toMatchObject({ org_name: "easemob-demo", app_name: "testapp", client_id: CLIENT_ID, client_secret: CLIENT_SECRET });
    expect(fixtures.easemob.users.length).toBeGreaterThan(0);
    const absent = await (await token()).json();
    expect(absent.expires_in).toBe(settings.default_ttl);
  });

  it("ttl 0 answers expires_in 0 and the token never expires", async () => {
    const res = await token({ ttl: 0 });
    expect(res.status).toBe(200);
    const json = await res.json();
    expect(json.expires_in).toBe(0);
    await advance(10 * 365 * 86400);
    const list = await users(json.access_token);
    expect(list.status).toBe(200);
  });

  it("refuses a wrong grant_type, bad credentials, unknown org/app and bad ttl", async () => {
    let res = await token({ grant_type: "password" });
    expect(res.status).toBe(400);
    expectEnvelope(await res.json(), "unsupported_grant_type");

    res = await token({ client_secret: "wrong" });
    expect(res.status).toBe(401);
    const bad = await res.json();
    expectEnvelope(bad, "invalid_client");
    expect(bad.error_description).toBe("invalid client_id or client_secret");

    res = await token({ client_id: "YXA6nobody" });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Form realm="easemob", error="invalid_client"/);
    expectEnvelope(await res.json(), "invalid_client");

    res = await tokenRequest(JSON.stringify({ grant_type: "client_credentials", client_id: CLIENT_ID, client_secret: CLIENT_SECRET }), headers, "/easemob-demo/nosuchapp/token");
    expect(res.status).toBe(404);
    const notFound = await res.json();
    expectEnvelope(notFound, "organization_application_not_found");
    expect(notFound.error_description).toContain("easemob-demo/nosuchapp");

    for (const ttl of [-1, "abc", 1.5, true]) {
      res = await token({ ttl });
      expect(res.status).toBe(400);
      expectEnvelope(await res.json(), "illegal_argument");
    }
  });

  it("says the credentials are read from the JSON body only when Basic is sent instead", async () => {
    const res = await tokenRequest(JSON.stringify({ grant_type: "client_credentials" }), { ...headers, Authorization: `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString("base64")}` });
    expect(res.status).toBe(400);
    expect((await res.json()).error_description).toMatch(/client_id is required.*body only.*Authorization: Basic/);
  });

  it("refuses bad input in the Easemob envelope, never 5xx", async () => {
    let res = await tokenRequest("{not json", headers);
    expect(res.status).toBe(400);
    expectEnvelope(await res.json(), "json_parse");

    res = await tokenRequest("[1,2]", headers);
    expect(res.status).toBe(400);
    expectEnvelope(await res.json(), "json_parse");

    res = await tokenRequest(`grant_type=client_credentials&client_id=${CLIENT_ID}&client_secret=${CLIENT_SECRET}`, { "Content-Type": "application/x-www-form-urlencoded" });
    expect(res.status).toBe(415);
    expectEnvelope(await res.json(), "unsupported_media_type");

    res = await tokenRequest(JSON.stringify({ grant_type: "client_credentials", client_id: CLIENT_ID }));
    expect(res.status).toBe(400);
    const missing = await res.json();
    expectEnvelope(missing, "illegal_argument");
    expect(missing.error_description).toContain("client_secret");

    res = await tokenRequest(JSON.stringify({ pad: "x".repeat(70 * 1024) }));
    expect(res.status).toBe(413);
    expectEnvelope(await res.json(), "request_entity_too_large");

    res = await mock.app.request(`${BASE}/easemob-demo/testapp/token`);
    expect(res.status).toBe(405);
    expectEnvelope(await res.json(), "unsupported_service_operation");

    res = await mock.app.request(`${BASE}/nowhere`);
    expect(res.status).toBe(404);
    expectEnvelope(await res.json(), "service_resource_not_found");
  });
});

describe("easemob users API with the app token", () => {
  it("lists the app's users Easemob-style", async () => {
    const { access_token } = await (await token()).json();
    const res = await users(access_token);
    expect(res.status).toBe(200);
    const json = await res.json();
    expect(json.action).toBe("get");
    expect(json.organization).toBe("easemob-demo");
    expect(json.applicationName).toBe("testapp");
    expect(json.count).toBe(json.entities.length);
    expect(json.entities[0]).toMatchObject({ type: "user", username: "user1", activated: true });
    const limited = await (await mock.app.request(`${BASE}/easemob-demo/testapp/users?limit=1`, { headers: { Authorization: `Bearer ${access_token}` } })).json();
    expect(limited.count).toBe(1);
    expect(limited.params).toEqual({ limit: ["1"] });
  });

  it("echoes prototype-named parameters as plain JSON keys (no inherited map)", async () => {
    const { access_token } = await (await token()).json();
    const names = ["__proto__", "constructor", "toString", "valueOf", "hasOwnProperty"];
    const query = names.map((n, i) => `${n}=v${i}&${n}=w${i}`).join("&");
    const res = await mock.app.request(`${BASE}/easemob-demo/testapp/users?${query}`, { headers: { Authorization: `Bearer ${access_token}` } });
    expect(res.status).toBe(200);
    // JSON.parse keeps "__proto__" as an own key, so the echo can be read exactly as sent.
    const echoed = (JSON.parse(await res.text()) as { params: object }).params;
    expect(Object.entries(echoed)).toEqual(names.map((n, i) => [n, [`v${i}`, `w${i}`]]));
  });

  it("answers 401 once the token expires on the virtual clock, and for unknown or missing tokens", async () => {
    const { access_token, expires_in } = await (await token({ ttl: 100 })).json();
    expect(expires_in).toBe(100);
    expect((await users(access_token)).status).toBe(200);
    await advance(101);
    let res = await users(access_token);
    expect(res.status).toBe(401);
    const expired = await res.json();
    expectEnvelope(expired, "unauthorized");
    expect(expired.error_description).toBe("Unable to authenticate due to expired access token");

    res = await users("YWMtnotissued");
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer realm="easemob", error="auth_bad_access_token"/);
    expectEnvelope(await res.json(), "auth_bad_access_token");

    res = await users(undefined);
    expect(res.status).toBe(401);
    expectEnvelope(await res.json(), "unauthorized");

    // The document's advice: on 401, fetch a new token and retry.
    const fresh = await (await token()).json();
    expect((await users(fresh.access_token)).status).toBe(200);
  });

  it("answers 404 for an unknown org/app on the users API", async () => {
    const { access_token } = await (await token()).json();
    const res = await users(access_token, "/other-org/testapp/users");
    expect(res.status).toBe(404);
    expectEnvelope(await res.json(), "organization_application_not_found");
  });
});

describe("easemob token rate limit and ban", () => {
  it("answers 429 past the threshold, bans for the ban period, then lets requests through again", async () => {
    for (let i = 0; i < 5; i++) expect((await token()).status).toBe(200);
    let res = await token();
    expect(res.status).toBe(429);
    expect(res.headers.get("Retry-After")).toBe("600");
    expectEnvelope(await res.json(), "reach_limit");

    // Still banned, whatever the window does; a wrong secret does not get around it either.
    await advance(300);
    res = await token({ client_secret: "wrong" });
    expect(res.status).toBe(429);
    expect(res.headers.get("Retry-After")).toBe("300");
    expectEnvelope(await res.json(), "reach_limit");

    await advance(300);
    res = await token();
    expect(res.status).toBe(200);
    expect((await res.json()).application).toBe(APPLICATION);
  });

  it("counts requests in a sliding window, so spaced-out requests never trip it", async () => {
    for (let i = 0; i < 12; i++) {
      expect((await token()).status).toBe(200);
      await advance(15);
    }
  });

  it("lifts the ban on reset", async () => {
    for (let i = 0; i < 6; i++) await token();
    expect((await token()).status).toBe(429);
    await mock.app.request("http://localhost/mock/_control/reset", { method: "POST" });
    expect((await token()).status).toBe(200);
  });
});
