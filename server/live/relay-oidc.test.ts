/**
 * Seed 001's flow against a real authorization server no one here wrote (oidc-provider set
 * up like the document's Spring server), with every server-side hop through the relay: the
 * browser's hops (authorize, login, consent) go straight to it, as they would in the SPA.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMockApp } from "../app.ts";
import { onSocket } from "../testing.ts";
import { SPRING_CLIENT, startSpringOidc, type SpringOidc } from "../../test-servers/spring-oidc.ts";
import { authorizeOnPages } from "../../test-servers/spring-oidc-login.ts";

const FORM = { "content-type": "application/x-www-form-urlencoded" };

describe("live relay: the Spring-style oidc-provider", () => {
  let oidc: SpringOidc;
  let playground: { origin: string; close: () => Promise<void> };
  let mock: ReturnType<typeof createMockApp>;
  beforeAll(async () => {
    oidc = await startSpringOidc();
    // What Playwright's webServer waits for.
    expect(await (await fetch(`${oidc.base}/health`)).json()).toEqual({ ok: true });
    mock = createMockApp();
    const served = await onSocket(mock.app);
    playground = { origin: `http://127.0.0.1:${served.port}`, close: served.close };
    const put = await fetch(`${playground.origin}/mock/_control/targets/spring`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ base: oidc.base }) });
    expect(put.status).toBe(200);
  });
  afterAll(async () => {
    await playground.close();
    await oidc.close();
  });

  const code = async (redirectUri: string) => {
    const authorize = new URL(`${oidc.base}/oauth/authorize`);
    authorize.search = new URLSearchParams({ response_type: "code", client_id: SPRING_CLIENT.client_id, redirect_uri: redirectUri, scope: "read write", state: "s1" }).toString();
    const callback = await authorizeOnPages(authorize.href);
    expect(callback.searchParams.get("state")).toBe("s1");
    return callback.searchParams.get("code")!;
  };
  const token = (body: Record<string, string>) => fetch(`${playground.origin}/live/spring/oauth/token`, { method: "POST", headers: { ...FORM, origin: playground.origin }, body: new URLSearchParams(body) });

  it("exchanges a code with the document's parameters, then refreshes, through the relay", async () => {
    const exchanged = await token({ grant_type: "authorization_code", code: await code("http://localhost"), client_id: "messaging-client", client_secret: "secret", redirect_uri: "http://localhost" });
    expect(exchanged.status).toBe(200);
    expect(exchanged.headers.get("cache-control")).toBe("no-store");
    const tokens = await exchanged.json();
    // oidc-provider's answer, not the document's: "Bearer", 3600 (the document shows "bearer", 43199).
    expect(tokens).toMatchObject({ token_type: "Bearer", expires_in: 3600, scope: "read write" });
    expect(tokens.refresh_token).toEqual(expect.any(String));

    const refreshed = await token({ grant_type: "refresh_token", refresh_token: tokens.refresh_token, client_id: "messaging-client", client_secret: "secret" });
    expect(refreshed.status).toBe(200);
    const again = await refreshed.json();
    expect(again.access_token).toEqual(expect.any(String));
    expect(again.access_token).not.toBe(tokens.access_token);

    await new Promise((resolve) => setTimeout(resolve, 20));
    const live = mock.log.list().filter((e) => e.live);
    expect(live.map((e) => `${e.request.method} ${e.request.url} ${e.response.status}`)).toEqual([`POST ${oidc.base}/oauth/token 200`, `POST ${oidc.base}/oauth/token 200`]);
    expect(live[0]!.request.body).toContain("grant_type=authorization_code");
    expect(JSON.parse(live[1]!.response.body).token_type).toBe("Bearer");
  });

  it("takes the secret in HTTP Basic too, and the playground's workspace callback", async () => {
    const redirectUri = `${playground.origin.replace("127.0.0.1", "localhost")}/w/abcdEFGH1234/callback`;
    const res = await fetch(`${playground.origin}/live/spring/oauth/token`, {
      method: "POST",
      headers: { ...FORM, authorization: `Basic ${Buffer.from("messaging-client:secret").toString("base64")}` },
      body: new URLSearchParams({ grant_type: "authorization_code", code: await code(redirectUri), redirect_uri: redirectUri }),
    });
    expect(res.status).toBe(200);
    expect((await res.json()).token_type).toBe("Bearer");
  });

  it("passes its errors back as it wrote them: a reused code, a wrong secret", async () => {
    const once = await code("http://localhost");
    const params = { grant_type: "authorization_code", code: once, client_id: "messaging-client", client_secret: "secret", redirect_uri: "http://localhost" };
    expect((await token(params)).status).toBe(200);
    const reused = await token(params);
    expect(reused.status).toBe(400);
    expect((await reused.json()).error).toBe("invalid_grant");
    const wrong = await token({ ...params, client_secret: "wrong" });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error).toBe("invalid_client");
  });

  it("does not accept a callback that is not the playground's", async () => {
    const others = ["http://evil.example/callback", "http://localhost.evil.example:4173/callback", "http://localhost:4173/callback?next=x", "http://localhost:4173/w/short/callback", "https://localhost:4173/callback", "http://localhost:4173/other"];
    for (const uri of others) {
      const res = await fetch(`${oidc.base}/oauth/authorize?response_type=code&client_id=messaging-client&redirect_uri=${encodeURIComponent(uri)}&scope=read`, { redirect: "manual" });
      expect(res.status, uri).toBe(400);
      expect(await res.text()).toContain("invalid_redirect_uri");
    }
  });
});
