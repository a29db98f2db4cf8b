import { beforeEach, describe, expect, it } from "vitest";
import { createMockApp, type MockApp } from "../../../../server/app.ts";

const BASE = "http://localhost/mock/openplatform";
let mock: MockApp;
let APP_ID: string;
let SECRET: string;
let OPEN_ID: string;

beforeEach(async () => {
  mock = createMockApp();
  const fixtures = await (await mock.app.request("http://localhost/mock/_control/fixtures")).json();
  APP_ID = fixtures.openplatform.clients[0].app_id;
  SECRET = fixtures.openplatform.clients[0].secret;
  OPEN_ID = fixtures.openplatform.users[0].open_id;
});

const form = (path: string, fields: Record<string, string>) =>
  mock.app.request(`${BASE}${path}`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields).toString() });
const json = (path: string, fields: Record<string, unknown>) =>
  mock.app.request(`${BASE}${path}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(fields) });
const advance = (seconds: number) =>
  mock.app.request("http://localhost/mock/_control/clock/advance", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ seconds }) });
const now = async () => (await (await mock.app.request("http://localhost/mock/_control/clock")).json()).now as number;

async function expect4102(res: Response, message: string | RegExp, httpStatus = 200) {
  expect(res.status).toBe(httpStatus);
  const body = await res.json();
  expect(body.status).toBe("4102");
  if (typeof message === "string") expect(body.message).toBe(message);
  else expect(body.message).toMatch(message);
  expect(body.data).toEqual([]);
}

const simCode = async () => (await (await form("/_sim/code", { app_id: APP_ID })).json()).code as string;
const userToken = async () => (await (await form("/OAuth2/token", { app_id: APP_ID, secret: SECRET, grant_type: "authorization_code", code: await simCode() })).json()).data;
const serverToken = async () => (await (await form("/OAuth2/server_token", { app_id: APP_ID, secret: SECRET })).json()).data.access_token as string;
const ticket = async (accessToken: string) => (await (await form("/OAuth2/ticket", { app_id: APP_ID, access_token: accessToken, type: "js_ticket" })).json()).data.ticket as string;

describe("openplatform login-free code → user token", () => {
  it("simulates the in-page JS code and exchanges it: status is the NUMBER 2000", async () => {
    const sim = await form("/_sim/code", { app_id: APP_ID });
    expect(sim.status).toBe(200);
    const { code } = await sim.json();
    expect(code).toMatch(/^[0-9a-f]{32}$/);
    const res = await form("/OAuth2/token", { app_id: APP_ID, secret: SECRET, grant_type: "authorization_code", code });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe(2000);
    expect(body.message).toBe("ok");
    expect(body.data.open_id).toBe(OPEN_ID);
    expect(body.data.access_token).toMatch(/^[0-9a-f]{64}$/);
    expect(body.data.refresh_token).toMatch(/^[0-9a-f]{64}$/);
    expect(body.data.expires_in).toBe(7200);
    expect(body.data.scope).toBe("sns_base");
  });

  it("accepts a JSON body and another fixture user", async () => {
    const fixtures = await (await mock.app.request("http://localhost/mock/_control/fixtures")).json();
    const lisi = fixtures.openplatform.users[1];
    const { code } = await (await json("/_sim/code", { app_id: APP_ID, username: lisi.username, password: lisi.password })).json();
    const body = await (await json("/OAuth2/token", { app_id: APP_ID, secret: SECRET, grant_type: "authorization_code", code })).json();
    expect(body.status).toBe(2000);
    expect(body.data.open_id).toBe(lisi.open_id);
    await expect4102(await json("/_sim/code", { app_id: APP_ID, username: lisi.username, password: "nope" }), "username or password is wrong");
  });

  it("refuses an invalid, expired or replayed code, and a replay revokes what the code issued", async () => {
    await expect4102(await form("/OAuth2/token", { app_id: APP_ID, secret: SECRET, grant_type: "authorization_code", code: "deadbeef" }), "authorization_code is invalid");

    const stale = await simCode();
    await advance(301);
    await expect4102(await form("/OAuth2/token", { app_id: APP_ID, secret: SECRET, grant_type: "authorization_code", code: stale }), "authorization_code is invalid");

    const code = await simCode();
    const first = await (await form("/OAuth2/token", { app_id: APP_ID, secret: SECRET, grant_type: "authorization_code", code })).json();
    const check = () => form("/OAuth2/checkCode", { app_id: APP_ID, type: "access_token", code: first.data.access_token, open_id: OPEN_ID });
    expect((await (await check()).json()).status).toBe("2000");
    await expect4102(await form("/OAuth2/token", { app_id: APP_ID, secret: SECRET, grant_type: "authorization_code", code }), "authorization_code is invalid");
    await expect4102(await check(), "access_token is invalid");
  });

  it("refuses a wrong secret, unknown app and wrong grant_type in the 4102 envelope", async () => {
    const code = await simCode();
    await expect4102(await form("/OAuth2/token", { app_id: APP_ID, secret: "wrong", grant_type: "authorization_code", code }), "secret is invalid");
    await expect4102(await form("/OAuth2/token", { app_id: "nosuchapp", secret: SECRET, grant_type: "authorization_code", code }), "app_id is invalid");
    await expect4102(await form("/OAuth2/token", { app_id: APP_ID, secret: SECRET, grant_type: "client_credentials", code }), "grant_type must be authorization_code");
    await expect4102(await form("/_sim/code", { app_id: "nosuchapp" }), "app_id is invalid");
  });
});

describe("openplatform server token and js_ticket", () => {
  it("issues the (assumed) server access_token in the envelope with the string status", async () => {
    const res = await form("/OAuth2/server_token", { app_id: APP_ID, secret: SECRET });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: "2000", message: "ok", data: { expires_in: 7200 } });
    expect(body.data.access_token).toMatch(/^[0-9a-f]{64}$/);
    await expect4102(await form("/OAuth2/server_token", { app_id: APP_ID, secret: "wrong" }), "secret is invalid");
  });

  it("issues a js_ticket for a server token, and refuses a bad one (a user token included)", async () => {
    const server = await serverToken();
    const res = await form("/OAuth2/ticket", { app_id: APP_ID, access_token: server, type: "js_ticket" });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: "2000", message: "ok", data: { expires_in: 7200 } });
    expect(body.data.ticket).toMatch(/^[0-9a-f]{64}$/);

    await expect4102(await form("/OAuth2/ticket", { app_id: APP_ID, access_token: "0".repeat(64), type: "js_ticket" }), "server_access_token is invalid");
    const user = await userToken();
    await expect4102(await form("/OAuth2/ticket", { app_id: APP_ID, access_token: user.access_token, type: "js_ticket" }), "server_access_token is invalid");
    await expect4102(await form("/OAuth2/ticket", { app_id: APP_ID, access_token: server, type: "jsapi_ticket" }), "type must be js_ticket");
    await advance(7201);
    await expect4102(await form("/OAuth2/ticket", { app_id: APP_ID, access_token: server, type: "js_ticket" }), "server_access_token is invalid");
  });

  it("cuts the previous ticket to 10 minutes when a new one is fetched", async () => {
    const server = await serverToken();
    const old = await ticket(server);
    await advance(1000);
    const start = await now();
    const fresh = await ticket(server);
    expect(fresh).not.toBe(old);
    const checkTicket = (code: string) => form("/OAuth2/checkCode", { app_id: APP_ID, type: "js_ticket", code });

    const oldCheck = await (await checkTicket(old)).json();
    expect(oldCheck.status).toBe("2000");
    expect(oldCheck.data.expires_in).toBeGreaterThanOrEqual(start + 600);
    expect(oldCheck.data.expires_in).toBeLessThanOrEqual(start + 601);
    const freshCheck = await (await checkTicket(fresh)).json();
    expect(freshCheck.data.expires_in).toBeGreaterThanOrEqual(start + 7200);
    expect(freshCheck.data.expires_in).toBeLessThanOrEqual(start + 7201);

    await advance(599);
    expect((await (await checkTicket(old)).json()).status).toBe("2000");
    await advance(2);
    await expect4102(await checkTicket(old), "js_ticket is invalid");
    expect((await (await checkTicket(fresh)).json()).status).toBe("2000");
  });

  it("never lengthens a ticket with less than 10 minutes left", async () => {
    const server = await serverToken();
    const old = await ticket(server);
    await advance(7000);
    const start = await now();
    await ticket(server);
    const body = await (await form("/OAuth2/checkCode", { app_id: APP_ID, type: "js_ticket", code: old })).json();
    expect(body.data.expires_in).toBeLessThanOrEqual(start + 200 + 1);
    expect(body.data.expires_in).toBeLessThan(start + 600);
  });
});

describe("openplatform checkCode", () => {
  it("returns expires_in as an ABSOLUTE Unix timestamp on the virtual clock", async () => {
    await advance(86400);
    const start = await now();
    const user = await userToken();
    const res = await form("/OAuth2/checkCode", { app_id: APP_ID, type: "access_token", code: user.access_token, open_id: OPEN_ID });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe("2000");
    expect(body.message).toBe("ok");
    expect(body.data.expires_in).toBeGreaterThanOrEqual(start + 7200);
    expect(body.data.expires_in).toBeLessThanOrEqual(start + 7201);
    expect(body.data.expires_in).toBeGreaterThan(1_600_000_000);

    const server = await serverToken();
    const serverCheck = await (await form("/OAuth2/checkCode", { app_id: APP_ID, type: "access_token", code: server })).json();
    expect(serverCheck.status).toBe("2000");
    expect(serverCheck.data.expires_in).toBeGreaterThanOrEqual(start + 7200);
  });

  it("requires open_id for a user access_token and refuses invalid codes", async () => {
    const user = await userToken();
    await expect4102(await form("/OAuth2/checkCode", { app_id: APP_ID, type: "access_token", code: user.access_token }), /open_id is required/);
    await expect4102(await form("/OAuth2/checkCode", { app_id: APP_ID, type: "access_token", code: user.access_token, open_id: "someoneelse" }), "open_id does not match the access_token");
    await expect4102(await form("/OAuth2/checkCode", { app_id: APP_ID, type: "access_token", code: "f".repeat(64) }), "server_access_token is invalid");
    await expect4102(await form("/OAuth2/checkCode", { app_id: APP_ID, type: "js_ticket", code: "f".repeat(64) }), "js_ticket is invalid");
    await expect4102(await form("/OAuth2/checkCode", { app_id: APP_ID, type: "refresh_token", code: "f".repeat(64) }), "type must be access_token or js_ticket");
    await advance(7201);
    await expect4102(await form("/OAuth2/checkCode", { app_id: APP_ID, type: "access_token", code: user.access_token, open_id: OPEN_ID }), "access_token is invalid");
  });
});

describe("openplatform bad input", () => {
  it("answers every bad request in the envelope, never 5xx", async () => {
    await expect4102(await form("/OAuth2/token", { app_id: APP_ID, secret: SECRET, grant_type: "authorization_code" }), "code is required");
    await expect4102(
      await mock.app.request(`${BASE}/OAuth2/token`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: `app_id=${APP_ID}&app_id=${APP_ID}&secret=${SECRET}` }),
      "app_id must not be repeated",
    );
    await expect4102(await mock.app.request(`${BASE}/OAuth2/token`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{oops" }), /malformed request body/);
    await expect4102(await mock.app.request(`${BASE}/OAuth2/token`, { method: "POST", headers: { "Content-Type": "text/plain" }, body: "app_id=x" }), /Content-Type text\/plain is not supported/);
    await expect4102(await form("/OAuth2/token", { app_id: APP_ID, pad: "x".repeat(70 * 1024) }), /too large/, 413);
    await expect4102(await mock.app.request(`${BASE}/OAuth2/nothing`), /no such endpoint/, 404);
    await expect4102(await mock.app.request(`${BASE}/OAuth2/token`), /no such endpoint/, 404);
  });

  it("reset forgets issued tokens", async () => {
    const server = await serverToken();
    await mock.app.request("http://localhost/mock/_control/reset", { method: "POST" });
    await expect4102(await form("/OAuth2/ticket", { app_id: APP_ID, access_token: server, type: "js_ticket" }), "server_access_token is invalid");
  });
});
