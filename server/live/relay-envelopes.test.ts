/**
 * The providers whose real servers are on the internet, relayed to the envelope server: our
 * own mock on another loopback port. This shows the relay passes their envelopes through
 * unchanged; it says nothing about how their real servers answer.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMockApp } from "../app.ts";
import { startEnvelopeServer, type EnvelopeServer } from "../../test-servers/envelope-server.ts";

const PLAY = "http://localhost:4173";

describe("live relay: the envelope server (our own mock, standalone)", () => {
  let envelopes: EnvelopeServer;
  const mock = createMockApp();
  const live = (provider: string, path: string, init?: RequestInit) => mock.app.request(`${PLAY}/live/${provider}${path}`, init);
  beforeAll(async () => {
    envelopes = await startEnvelopeServer();
    for (const provider of ["ppmessage", "pigai", "easemob", "openplatform"]) {
      const res = await mock.app.request(`${PLAY}/mock/_control/targets/${provider}`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ base: envelopes.baseOf(provider) }) });
      expect(res.status).toBe(200);
    }
  });
  afterAll(() => envelopes.close());

  it("Pigai: client_credentials and its 21329 error envelope", async () => {
    const fixtures = await (await fetch(`${envelopes.origin}/mock/_control/fixtures`)).json();
    const { client_id, client_secret } = fixtures.pigai.clients[0];
    const form = { "content-type": "application/x-www-form-urlencoded" };
    const ok = await live("pigai", "/oauth2/access_token", { method: "POST", headers: form, body: new URLSearchParams({ grant_type: "client_credentials", client_id, client_secret }) });
    expect(ok.status).toBe(200);
    expect((await ok.json()).expires_in).toBe(7200);
    const bad = await live("pigai", "/oauth2/access_token", { method: "POST", headers: form, body: new URLSearchParams({ grant_type: "client_credentials", client_id, client_secret: "wrong" }) });
    const body = await bad.json();
    expect(body).toMatchObject({ error_code: expect.any(Number) });
  });

  it("Easemob: the app token with a JSON body, and 401 for an unknown token", async () => {
    const token = await live("easemob", "/easemob-demo/testapp/token", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ grant_type: "client_credentials", client_id: "YXA6i-Ak8Ol4Eei2l11ZjV-EAg", client_secret: "YXA6VunqiNxoB7IwXHInk1cGiXOOJfc" }),
    });
    expect(token.status).toBe(200);
    const { access_token } = await token.json();
    expect((await live("easemob", "/easemob-demo/testapp/users", { headers: { authorization: `Bearer ${access_token}` } })).status).toBe(200);
    expect((await live("easemob", "/easemob-demo/testapp/users", { headers: { authorization: "Bearer nope" } })).status).toBe(401);
  });

  it("the open platform and PPMessage answer their documented failures through the relay", async () => {
    const checkCode = await live("openplatform", "/OAuth2/checkCode?code=nope");
    expect(JSON.stringify(await checkCode.json())).toContain("4102");
    const ppToken = await live("ppmessage", "/ppauth/token", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "grant_type=authorization_code&code=nope" });
    expect(ppToken.status).toBeGreaterThanOrEqual(400);
    expect(await ppToken.json()).toHaveProperty("error");
  });
});
