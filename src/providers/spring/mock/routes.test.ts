import { connect, type AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { beforeEach, describe, expect, it } from "vitest";
import { cookieOf, mockClient } from "../../../../server/testing.ts";

const AUTHORIZE = "/mock/spring/oauth/authorize?response_type=code&client_id=messaging-client&redirect_uri=http://localhost";
const TOKEN = "/mock/spring/oauth/token";

let mock: ReturnType<typeof mockClient>;
beforeEach(() => {
  mock = mockClient();
});

/** Sends one request line as written (app.request() and fetch can only send origin-form targets); answers the status and head. */
function rawRequest(origin: string, requestLine: string): Promise<{ status: number; head: string }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(`${requestLine}\r\nHost: ${new URL(origin).host}\r\nConnection: close\r\n\r\n`));
    let text = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => (text += chunk));
    socket.on("error", reject);
    socket.on("end", () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), head: text.split("\r\n\r\n")[0]! }));
  });
}

/** Seed 001 steps 1–6 as a browser does them; returns the code. */
async function authorize(clientId = "messaging-client", extra = ""): Promise<{ code: string; location: string; cookie: string }> {
  const first = await mock.get(`/mock/spring/oauth/authorize?response_type=code&client_id=${clientId}&redirect_uri=http://localhost${extra}`);
  const login = await mock.postForm("/mock/spring/login", { username: "user", password: "password" }, { cookie: cookieOf(first) });
  const cookie = cookieOf(login);
  const back = await mock.get(login.headers.get("location")!, { cookie });
  let location: string;
  if (back.status === 302) location = back.headers.get("location")!;
  else {
    const approved = await mock.postForm("/mock/spring/oauth/authorize", { user_oauth_approval: "true", "scope.read": "true", "scope.write": "true" }, { cookie });
    location = approved.headers.get("location")!;
  }
  return { code: new URL(location).searchParams.get("code")!, location, cookie };
}

const exchange = (code: string, overrides: Record<string, string> = {}) =>
  mock.postForm(TOKEN, { grant_type: "authorization_code", code, client_id: "messaging-client", client_secret: "secret", redirect_uri: "http://localhost", ...overrides });

describe("spring: authorize, login, approval (seed 001 steps 1–6)", () => {
  it("sends an unauthenticated browser to /login with a session cookie, then back to the saved request", async () => {
    const first = await mock.get(AUTHORIZE);
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe("http://localhost:4173/mock/spring/login");
    expect(first.headers.get("set-cookie")).toMatch(/^JSESSIONID=\w+; Path=\/mock\/spring; HttpOnly/);
    const page = await mock.get("/mock/spring/login");
    const html = await page.text();
    expect(html).toContain('name="username"');
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    const login = await mock.postForm("/mock/spring/login", "username=user&password=password", { cookie: cookieOf(first) });
    expect(login.status).toBe(302);
    expect(login.headers.get("location")).toBe(`http://localhost:4173${AUTHORIZE}`);
  });

  it("issues a new session id at login: the id from before signs nothing in", async () => {
    const before = cookieOf(await mock.get(AUTHORIZE));
    const login = await mock.postForm("/mock/spring/login", "username=user&password=password", { cookie: before });
    const after = cookieOf(login);
    expect(after).toMatch(/^JSESSIONID=\w+$/);
    expect(after).not.toBe(before);
    expect(login.headers.get("location")).toBe(`http://localhost:4173${AUTHORIZE}`);
    // Whoever planted or kept the old id is not signed in, neither on its own pages nor for a code.
    const oldHome = await mock.get("/mock/spring/", { cookie: before });
    expect(oldHome.status).toBe(302);
    expect(oldHome.headers.get("location")).toBe("http://localhost:4173/mock/spring/login");
    const oldAuthorize = await mock.get(`/mock/spring/oauth/authorize?response_type=code&client_id=trusted-client&redirect_uri=http://localhost`, { cookie: before });
    expect(oldAuthorize.headers.get("location")).toBe("http://localhost:4173/mock/spring/login");
    expect(await (await mock.get("/mock/spring/", { cookie: after })).text()).toContain("Signed in as user");
  });

  it("saves the authorize request as a path: an absolute-form request target cannot send the login elsewhere", async () => {
    const { app } = mock;
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const query = "?response_type=code&client_id=trusted-client&redirect_uri=http://localhost";
      const planted = await rawRequest(origin, `GET http://evil.example/mock/spring/oauth/authorize${query} HTTP/1.1`);
      // A Host guard may refuse a foreign request target outright; if it is served, only its path may be kept.
      expect([302, 421]).toContain(planted.status);
      if (planted.status === 421) return;
      const cookie = /JSESSIONID=\w+/.exec(planted.head)![0];
      const login = await fetch(`${origin}/mock/spring/login`, { method: "POST", redirect: "manual", headers: { cookie, "content-type": "application/x-www-form-urlencoded" }, body: "username=user&password=password" });
      expect(login.status).toBe(302);
      expect(login.headers.get("location")).toBe(`${origin}/mock/spring/oauth/authorize${query}`);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("shows the approval page for messaging-client (autoapprove false) and redirects with a 6-character code", async () => {
    const first = await mock.get(AUTHORIZE);
    const cookie = cookieOf(await mock.postForm("/mock/spring/login", "username=user&password=password", { cookie: cookieOf(first) }));
    const approval = await mock.get(AUTHORIZE, { cookie });
    expect(approval.status).toBe(200);
    const html = await approval.text();
    expect(html).toContain("OAuth Approval");
    expect(html).toContain('name="scope.read"');
    expect(html).toContain('name="user_oauth_approval" value="true"');
    const res = await mock.postForm("/mock/spring/oauth/authorize", "user_oauth_approval=true&scope.read=true&scope.write=true", { cookie });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/^http:\/\/localhost\?code=[A-Za-z0-9]{6}$/);
  });

  it("skips the approval page for the autoapprove client and keeps the state", async () => {
    const { location } = await authorize("trusted-client", "&state=xyz");
    expect(location).toMatch(/^http:\/\/localhost\?code=[A-Za-z0-9]{6}&state=xyz$/);
  });

  it("redirects a denial as error=access_denied", async () => {
    const first = await mock.get(`${AUTHORIZE}&state=s1`);
    const cookie = cookieOf(await mock.postForm("/mock/spring/login", "username=user&password=password", { cookie: cookieOf(first) }));
    await mock.get(`${AUTHORIZE}&state=s1`, { cookie });
    const res = await mock.postForm("/mock/spring/oauth/authorize", "user_oauth_approval=false", { cookie });
    expect(res.headers.get("location")).toBe("http://localhost?error=access_denied&error_description=User%20denied%20access&state=s1");
  });

  it("rejects a wrong password back to /login?error without a session", async () => {
    const res = await mock.postForm("/mock/spring/login", "username=user&password=nope");
    expect(res.headers.get("location")).toBe("http://localhost:4173/mock/spring/login?error");
    expect(await (await mock.get("/mock/spring/login?error")).text()).toContain("Bad credentials");
  });

  it("never redirects to an unregistered redirect_uri, and escapes it on the error page", async () => {
    const first = await mock.get(AUTHORIZE);
    const cookie = cookieOf(await mock.postForm("/mock/spring/login", "username=user&password=password", { cookie: cookieOf(first) }));
    for (const uri of ["http://localhost/", "http://evil.example", "http://localhost.evil.example", "HTTP://LOCALHOST"]) {
      const res = await mock.get(`/mock/spring/oauth/authorize?response_type=code&client_id=messaging-client&redirect_uri=${encodeURIComponent(uri)}`, { cookie });
      expect(res.status).toBe(400);
      expect(res.headers.get("location")).toBeNull();
      expect(await res.text()).toContain("redirect_uri_mismatch");
    }
    const xss = await mock.get(`/mock/spring/oauth/authorize?response_type=code&client_id=messaging-client&redirect_uri=${encodeURIComponent('"><script>alert(1)</script>')}`, { cookie });
    const html = await xss.text();
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;");
  });

  it("answers an unknown client (the document's messging-client) with an error page", async () => {
    const first = await mock.get(AUTHORIZE);
    const cookie = cookieOf(await mock.postForm("/mock/spring/login", "username=user&password=password", { cookie: cookieOf(first) }));
    const res = await mock.get("/mock/spring/oauth/authorize?response_type=code&client_id=messging-client&redirect_uri=http://localhost", { cookie });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("No client with requested id: messging-client");
  });
});

describe("spring: /oauth/token (seed 001 steps 7–8)", () => {
  it("exchanges a code sent as a form body, exactly as the document's curl", async () => {
    const { code } = await authorize();
    const res = await mock.postForm(TOKEN, `grant_type=authorization_code&code=${code}&client_id=messaging-client&client_secret=secret&redirect_uri=http://localhost`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.json();
    expect(body).toMatchObject({ token_type: "bearer", expires_in: 43199, scope: "read write" });
    expect(body.access_token).toMatch(/^[\w-]{27}$/);
    expect(body.refresh_token).toMatch(/^[\w-]{27}$/);
  });

  it("exchanges a code sent in the query string, as the document's postman example", async () => {
    const { code } = await authorize();
    const res = await mock.request(`${TOKEN}?grant_type=authorization_code&code=${code}&client_id=messaging-client&client_secret=secret&redirect_uri=http://localhost`, { method: "POST" });
    expect(res.status).toBe(200);
    expect((await res.json()).token_type).toBe("bearer");
  });

  it("accepts HTTP Basic client authentication", async () => {
    const { code } = await authorize();
    const res = await mock.postForm(TOKEN, `grant_type=authorization_code&code=${code}&redirect_uri=http://localhost`, {
      Authorization: `Basic ${Buffer.from("messaging-client:secret").toString("base64")}`,
    });
    expect(res.status).toBe(200);
  });

  it("refuses a replayed code and revokes the token it issued", async () => {
    const { code } = await authorize();
    const first = await (await exchange(code)).json();
    const again = await exchange(code);
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({ error: "invalid_grant", error_description: `Invalid authorization code: ${code}` });
    const me = await mock.get("/mock/spring/api/me", { Authorization: `Bearer ${first.access_token}` });
    expect(me.status).toBe(401);
  });

  it("a replayed code also revokes every token a refresh descended from it", async () => {
    const { code } = await authorize();
    const first = await (await exchange(code)).json();
    const refresh = () => mock.postForm(TOKEN, { grant_type: "refresh_token", refresh_token: first.refresh_token, client_id: "messaging-client", client_secret: "secret" });
    const refreshed = await (await refresh()).json();
    const me = (token: string) => mock.get("/mock/spring/api/me", { Authorization: `Bearer ${token}` });
    expect((await me(refreshed.access_token)).status).toBe(200);
    expect((await exchange(code)).status).toBe(400);
    expect((await me(refreshed.access_token)).status).toBe(401);
    expect(await (await refresh()).json()).toMatchObject({ error: "invalid_grant" });
  });

  it("expires codes on the virtual clock", async () => {
    const { code } = await authorize();
    await mock.advance(301);
    const res = await exchange(code);
    expect(res.status).toBe(400);
    expect((await res.json()).error_description).toBe(`Invalid authorization code: ${code}`);
  });

  it("requires the same redirect_uri as the authorize request", async () => {
    const { code } = await authorize();
    const res = await exchange(code, { redirect_uri: "http://localhost/other" });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "redirect_uri_mismatch", error_description: "Redirect URI mismatch." });
  });

  it("fails the document's misspelt messging-client as an unknown client", async () => {
    const { code } = await authorize();
    const res = await mock.postForm(TOKEN, `grant_type=authorization_code&code=${code}&client_id=messging-client&client_secret=secret&redirect_uri=http://localhost`);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: "invalid_client", error_description: "Bad client credentials" });
    expect(res.headers.get("www-authenticate")).toContain('error="invalid_client"');
  });

  it("challenges a failed client authentication with the scheme the client used (RFC 6749 §5.2)", async () => {
    const basic = (pair: string) => ({ Authorization: `Basic ${Buffer.from(pair).toString("base64")}` });
    const wrongBasic = await mock.postForm(TOKEN, "grant_type=authorization_code&code=x", basic("messaging-client:nope"));
    expect(wrongBasic.status).toBe(401);
    expect(wrongBasic.headers.get("www-authenticate")).toBe('Basic realm="oauth2/client"');
    const malformedBasic = await mock.postForm(TOKEN, "grant_type=authorization_code", { Authorization: "Basic !!!" });
    expect(malformedBasic.headers.get("www-authenticate")).toBe('Basic realm="oauth2/client"');
    const otherId = await mock.postForm(TOKEN, "grant_type=authorization_code&code=x&client_id=trusted-client", basic("messaging-client:secret"));
    expect(otherId.status).toBe(401);
    expect(otherId.headers.get("www-authenticate")).toBe('Basic realm="oauth2/client"');
    const wrongForm = await exchange("x", { client_secret: "nope" });
    expect(wrongForm.headers.get("www-authenticate")).toBe('Form realm="oauth2/client", error="invalid_client", error_description="Bad client credentials"');
    const nothing = await mock.postForm(TOKEN, "grant_type=authorization_code&code=x");
    expect(nothing.headers.get("www-authenticate")).toMatch(/^Bearer realm="oauth2\/client", error="unauthorized"/);
    // A code redeemed by another client: the client authenticated, and is refused in its own scheme.
    const { code } = await authorize();
    const stolen = await mock.postForm(TOKEN, `grant_type=authorization_code&code=${code}&redirect_uri=http://localhost`, basic("trusted-client:trusted-secret"));
    expect(await stolen.json()).toEqual({ error: "invalid_client", error_description: "Client ID mismatch" });
    expect(stolen.headers.get("www-authenticate")).toBe('Basic realm="oauth2/client"');
    // The protected resource is a Bearer resource, whatever was sent.
    const me = await mock.get("/mock/spring/api/me", basic("messaging-client:secret"));
    expect(me.headers.get("www-authenticate")).toMatch(/^Bearer realm="oauth", error="unauthorized"/);
  });

  it("refuses a wrong secret, a missing client, a missing or unsupported grant type", async () => {
    expect(await (await exchange("x", { client_secret: "nope" })).json()).toEqual({ error: "invalid_client", error_description: "Bad client credentials" });
    const noClient = await mock.postForm(TOKEN, "grant_type=authorization_code&code=x");
    expect(noClient.status).toBe(401);
    expect((await noClient.json()).error).toBe("unauthorized");
    const noGrant = await mock.postForm(TOKEN, "client_id=messaging-client&client_secret=secret");
    expect(await noGrant.json()).toEqual({ error: "invalid_request", error_description: "Missing grant type" });
    const password = await mock.postForm(TOKEN, "grant_type=password&client_id=messaging-client&client_secret=secret");
    expect(password.status).toBe(400);
    expect(await password.json()).toEqual({ error: "unsupported_grant_type", error_description: "Unsupported grant type: password" });
  });

  it("refreshes with the same refresh token and retires the old access token", async () => {
    const { code } = await authorize();
    const first = await (await exchange(code)).json();
    const res = await mock.postForm(TOKEN, { grant_type: "refresh_token", refresh_token: first.refresh_token, client_id: "messaging-client", client_secret: "secret" });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ token_type: "bearer", refresh_token: first.refresh_token, expires_in: 43199, scope: "read write" });
    expect(body.access_token).not.toBe(first.access_token);
    expect((await mock.get("/mock/spring/api/me", { Authorization: `Bearer ${first.access_token}` })).status).toBe(401);
    expect((await mock.get("/mock/spring/api/me", { Authorization: `Bearer ${body.access_token}` })).status).toBe(200);
  });

  it("refuses an unknown refresh token as invalid_grant", async () => {
    const res = await mock.postForm(TOKEN, "grant_type=refresh_token&refresh_token=uIOk2gzINbjYc5SWBvvId_xXWK0&client_id=messaging-client&client_secret=secret");
    expect(await res.json()).toEqual({ error: "invalid_grant", error_description: "Invalid refresh token: uIOk2gzINbjYc5SWBvvId_xXWK0" });
  });
});

describe("spring: bad input gets Spring's error JSON, never a 5xx", () => {
  it("refuses GET on the token endpoint with 405", async () => {
    const res = await mock.get(`${TOKEN}?grant_type=authorization_code`);
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
    expect((await res.json()).error).toBe("method_not_allowed");
  });

  it("refuses a JSON body with 415", async () => {
    const res = await mock.postJson(TOKEN, { grant_type: "authorization_code" });
    expect(res.status).toBe(415);
    expect((await res.json()).error).toBe("invalid_request");
  });

  it("refuses repeated parameters", async () => {
    const res = await mock.postForm(TOKEN, "grant_type=authorization_code&grant_type=refresh_token&client_id=messaging-client&client_secret=secret");
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "invalid_request", error_description: "Parameter grant_type must not be repeated" });
  });

  it("refuses an oversized body with 413", async () => {
    const res = await mock.postForm(TOKEN, `grant_type=authorization_code&code=${"x".repeat(70_000)}`);
    expect(res.status).toBe(413);
    expect((await res.json()).error).toBe("invalid_request");
  });

  it("answers malformed percent-encoding and a malformed Basic header without crashing", async () => {
    const bad = await mock.postForm(TOKEN, "grant_type=%E0%A4%A&code=%zz&client_id=messaging-client&client_secret=secret");
    expect(bad.status).toBe(400);
    const basic = await mock.postForm(TOKEN, "grant_type=authorization_code", { Authorization: "Basic !!!" });
    expect(basic.status).toBe(401);
    const newline = await mock.get("/mock/spring/api/me", { Authorization: "Bearer a\u00e9b" });
    expect(newline.status).toBe(401);
  });

  it("answers unknown paths with a JSON 404", async () => {
    const res = await mock.get("/mock/spring/nope");
    expect(res.status).toBe(404);
    expect((await res.json()).error).toBe("not_found");
  });
});

describe("spring: the assumed protected resource", () => {
  it("expires the access token after 12 h on the virtual clock", async () => {
    const { code } = await authorize();
    const { access_token } = await (await exchange(code)).json();
    expect((await mock.get("/mock/spring/api/me", { Authorization: `Bearer ${access_token}` })).status).toBe(200);
    await mock.advance(43_200);
    const res = await mock.get("/mock/spring/api/me", { Authorization: `Bearer ${access_token}` });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: "invalid_token", error_description: `Access token expired: ${access_token}` });
  });

  it("asks for authentication when no token is sent", async () => {
    const res = await mock.get("/mock/spring/api/me");
    expect(res.status).toBe(401);
    expect((await res.json()).error).toBe("unauthorized");
  });
});
