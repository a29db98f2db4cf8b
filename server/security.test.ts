/**
 * Security invariants of the mock providers, each as an explicit test:
 * no reflected XSS in pages or JSONP, JSONP callbacks restricted, redirects only
 * to exactly registered URIs, single-use codes whose replay revokes what they
 * issued, state echoed unchanged, request bodies capped with a 413 in each
 * provider's envelope, page security headers, and bounded memory.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { describe, expect, it } from "vitest";
import { CALLBACK_PATTERN } from "../src/providers/pigai/mock/routes.ts";
import { ExpiringStore } from "./kit/expiring-store.ts";
import { createClock } from "./kit/clock.ts";
import { MAX_BODY_BYTES } from "./kit/http.ts";
import { cookieOf, mockClient } from "./testing.ts";
import { TRAFFIC_CAPACITY } from "./traffic-log.ts";

type Mock = ReturnType<typeof mockClient>;

const PAYLOADS = [
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '" onmouseover="alert(1)" x="',
  "</title><script>alert(1)</script>",
  "<svg/onload=alert(1)>",
  "</textarea></style></script><script>alert(1)</script>",
];

/**
 * The page's markup skeleton: every tag with its attribute names, in order.
 * Attribute values are all double-quoted in these pages, so a value that broke
 * out of its quotes or text would add tags or attributes to the skeleton.
 */
function skeleton(html: string): string[] {
  const tags: string[] = [];
  const tag = /<(\/?[a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/g;
  const attr = /\s+([^\s"'>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?/g;
  for (const m of html.matchAll(tag)) tags.push(`${m[1]!.toLowerCase()}[${[...m[2]!.matchAll(attr)].map((a) => a[1]!.toLowerCase()).join(",")}]`);
  return tags;
}

/** Fetches the same page with the payload and with a benign value: the markup must not differ. */
async function assertEscaped(payload: string, fetchPage: (value: string) => Response | Promise<Response>, expectStatus?: number) {
  const withPayload = await fetchPage(payload);
  const benign = await fetchPage("benign-value");
  if (expectStatus !== undefined) expect(withPayload.status).toBe(expectStatus);
  expect(withPayload.status).toBe(benign.status);
  expect(withPayload.headers.get("location")).toBeNull();
  assertPageHeaders(withPayload);
  const html = await withPayload.text();
  expect(html).not.toContain(payload);
  expect(html).not.toMatch(/<(script|img|svg|iframe)\b/i);
  const tags = skeleton(html);
  expect(tags.some((t) => /[[,]on[a-z]+[,\]]/.test(t))).toBe(false);
  expect(tags).toEqual(skeleton(await benign.text()));
  return html;
}

function assertPageHeaders(res: Response) {
  expect(res.headers.get("content-type")).toMatch(/^text\/html/);
  const csp = res.headers.get("content-security-policy") ?? "";
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/script-src/); // no script may run on these pages at all
  expect(res.headers.get("x-frame-options")).toBe("DENY");
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
}

// ---------------------------------------------------------------------------
// Spring helpers

const SPRING = "/mock/spring";
const springAuthorize = (query: Record<string, string>) => `${SPRING}/oauth/authorize?${new URLSearchParams(query).toString()}`;

async function springSession(mock: Mock): Promise<string> {
  const first = await mock.get(springAuthorize({ response_type: "code", client_id: "messaging-client", redirect_uri: "http://localhost" }));
  const login = await mock.postForm(`${SPRING}/login`, { username: "user", password: "password" }, { cookie: cookieOf(first) });
  expect(login.status).toBe(302);
  return cookieOf(login);
}

async function springCode(mock: Mock, state?: string): Promise<string> {
  const cookie = await springSession(mock);
  const res = await mock.get(springAuthorize({ response_type: "code", client_id: "trusted-client", redirect_uri: "http://localhost", ...(state ? { state } : {}) }), { cookie });
  expect(res.status).toBe(302);
  return new URL(res.headers.get("location")!).searchParams.get("code")!;
}

const springToken = (mock: Mock, fields: Record<string, string>) =>
  mock.postForm(`${SPRING}/oauth/token`, { client_id: "trusted-client", client_secret: "trusted-secret", ...fields });

// ---------------------------------------------------------------------------
// PPMessage helpers

const PP = "/mock/ppmessage";
const PP_CLIENT = { id: "3d6e2a9c-5b1f-11e6-9c4e-acbc32d7e3f1", secret: "ZjNhOGMwZDE5YjdlNGE2MmM1ZDhlOTAxYjM3ZjRhMmU2YzBkOTFiNw==", uuid: "3d6f41b8-5b1f-11e6-9c4e-acbc32d7e3f1" };
const PP_USER = { email: "kefu@ppmessage-demo.com", password: "ppmessage123" };
const CALLBACK = "http://localhost:4173/callback";

const ppLogin = (mock: Mock, fields: Record<string, string> = {}) =>
  mock.postForm(`${PP}/ppauth/auth`, { client_id: PP_CLIENT.id, redirect_uri: CALLBACK, response_type: "code", state: "s1", ...PP_USER, ...fields });

async function ppCode(mock: Mock): Promise<string> {
  const res = await ppLogin(mock);
  expect(res.status).toBe(302);
  return new URL(res.headers.get("location")!).searchParams.get("code")!;
}

const ppToken = (mock: Mock, code: string) =>
  mock.postForm(`${PP}/ppauth/token`, { grant_type: "authorization_code", code, client_id: PP_CLIENT.id, client_secret: PP_CLIENT.secret, redirect_uri: CALLBACK });

const ppApi = (mock: Mock, token: string) => mock.postJson(`${PP}/api/PP_GET_APP_SERVICE_USER_LIST`, { app_uuid: PP_CLIENT.uuid }, { Authorization: `OAuth ${token}` });

// ---------------------------------------------------------------------------

describe("security: no reflected XSS in any HTML page", () => {
  it.each(PAYLOADS)("spring login, approval and error pages escape %s", async (payload) => {
    const mock = mockClient();
    const q = (v: string) => encodeURIComponent(v);
    await assertEscaped(payload, (v) => mock.get(`${SPRING}/login?error=${q(v)}&logout=${q(v)}&${q(v)}=1`), 200);

    const cookie = await springSession(mock);
    // Approval page (messaging-client is not auto-approved): state and extra parameters ride along.
    const approval = await assertEscaped(
      payload,
      (v) => mock.get(springAuthorize({ response_type: "code", client_id: "messaging-client", redirect_uri: "http://localhost", state: v, [v]: v }), { cookie }),
      200,
    );
    expect(approval).toContain("OAuth Approval");
    // Approving with junk values: a redirect to the registered URI only, the junk not in it.
    const answered = await mock.postForm(`${SPRING}/oauth/authorize`, { user_oauth_approval: payload, [`scope.${payload}`]: payload }, { cookie });
    expect(answered.status).toBe(302);
    expect(answered.headers.get("location")).toMatch(/^http:\/\/localhost\?error=access_denied&/);

    // Error pages reflect client_id and redirect_uri: both come back escaped.
    const errorPage = await assertEscaped(payload, (v) => mock.get(springAuthorize({ response_type: "code", client_id: v }), { cookie }), 400);
    expect(errorPage).toContain("OAuth Error");
    await assertEscaped(payload, (v) => mock.get(springAuthorize({ response_type: "code", client_id: "messaging-client", redirect_uri: v }), { cookie }), 400);
    await assertEscaped(payload, (v) => mock.get(springAuthorize({ response_type: "code", client_id: "messaging-client", redirect_uri: `http://localhost/${v}` }), { cookie }), 400);
    await assertEscaped(payload, (v) => mock.get(springAuthorize({ response_type: "code", client_id: "messaging-client", [v]: v, [`${v}2`]: "" }) + `&${encodeURIComponent(v)}=x`, { cookie }), 400);
    // Nothing pending any more: POST /oauth/authorize answers the error page.
    await assertEscaped(payload, (v) => mock.postForm(`${SPRING}/oauth/authorize`, { user_oauth_approval: v }, { cookie }), 400);
    // The escaped form is what shows.
    const shown = await (await mock.get(springAuthorize({ response_type: "code", client_id: '<b>"x"</b>' }), { cookie })).text();
    expect(shown).toContain("&lt;b&gt;&quot;x&quot;&lt;/b&gt;");
  });

  it.each(PAYLOADS)("ppmessage 应用授权 page and its error page escape %s", async (payload) => {
    const mock = mockClient();
    const query = (fields: Record<string, string>) => new URLSearchParams({ client_id: PP_CLIENT.id, redirect_uri: CALLBACK, response_type: "code", ...fields }).toString();
    // state is carried in a hidden field; it must stay inside its attribute.
    const page = await assertEscaped(payload, (v) => mock.get(`${PP}/ppauth/auth?${query({ state: v })}`), 200);
    expect(page).toContain("应用授权");
    // Wrong password: the page comes back with the typed email reflected in value="…".
    await assertEscaped(payload, (v) => ppLogin(mock, { email: v, password: "nope", state: v }), 200);
    // Error pages reflect client_id, redirect_uri and response_type.
    await assertEscaped(payload, (v) => mock.get(`${PP}/ppauth/auth?${query({ client_id: v })}`), 400);
    await assertEscaped(payload, (v) => mock.get(`${PP}/ppauth/auth?${query({ redirect_uri: v })}`), 400);
    await assertEscaped(payload, (v) => mock.get(`${PP}/ppauth/auth?${query({ redirect_uri: `${CALLBACK}/${v}` })}`), 400);
    await assertEscaped(payload, (v) => mock.get(`${PP}/ppauth/auth?${query({ response_type: v })}`), 400);
    await assertEscaped(payload, (v) => ppLogin(mock, { client_id: v }), 400);
    await assertEscaped(payload, (v) => mock.request(`${PP}/ppauth/auth`, { method: "POST", headers: { "Content-Type": v.replace(/[^\x20-\x7e]/g, "") }, body: "x=1" }), 415);
  });

  it("every HTML page carries Content-Security-Policy and X-Frame-Options", async () => {
    const mock = mockClient();
    const cookie = await springSession(mock);
    const pages = [
      await mock.get(`${SPRING}/login`),
      await mock.get(`${SPRING}/`, { cookie }), // signed-in page (where a login without a saved request lands)
      await mock.get(SPRING, { cookie }),
      await mock.get(springAuthorize({ response_type: "code", client_id: "messaging-client", redirect_uri: "http://localhost" }), { cookie }),
      await mock.get(springAuthorize({ response_type: "code", client_id: "nobody" }), { cookie }),
      await mock.get(`${PP}/ppauth/auth?client_id=${PP_CLIENT.id}&redirect_uri=${encodeURIComponent(CALLBACK)}&response_type=code`),
      await mock.get(`${PP}/ppauth/auth?client_id=nobody`),
      await ppLogin(mock, { password: "wrong" }),
      await mock.request(`${PP}/ppauth/auth`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" }),
    ];
    for (const res of pages) {
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      assertPageHeaders(res);
    }
  });
});

describe("security: JSONP (pigai authorize2)", () => {
  const PIGAI_CLIENT = "pg5f3c9a1e7b2d4c68";
  const authorize2 = (mock: Mock, fields: Record<string, string>) => mock.get(`/mock/pigai/oauth2/authorize2?${new URLSearchParams(fields).toString()}`);

  it.each(PAYLOADS)("never reflects %s as markup in any parameter", async (payload) => {
    const mock = mockClient();
    const cases: Array<Record<string, string>> = [
      { callback: "cb", response_type: "token", client_id: PIGAI_CLIENT, state: payload },
      { callback: "cb", response_type: payload, client_id: PIGAI_CLIENT, state: "s" },
      { callback: "cb", response_type: "token", client_id: payload, state: payload },
      { callback: "cb", response_type: "token", client_id: PIGAI_CLIENT, [payload]: payload },
      { callback: payload, response_type: "token", client_id: PIGAI_CLIENT },
    ];
    for (const fields of cases) {
      const res = await authorize2(mock, fields);
      const body = await res.text();
      expect(body).not.toContain(payload);
      expect(body).not.toMatch(/[<>]/);
      if (res.status === 200) {
        expect(res.headers.get("content-type")).toMatch(/^application\/javascript/);
        expect(res.headers.get("x-content-type-options")).toBe("nosniff");
        expect(body.startsWith("cb(")).toBe(true);
        const argument = JSON.parse(body.slice(3, -1)) as Record<string, unknown>;
        // The value arrives intact in the callback; only its encoding is escaped.
        if (fields.state !== undefined && "state" in argument) expect(argument.state).toBe(fields.state);
      } else {
        expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      }
    }
  });

  it("accepts only identifier-path callbacks, answered as JavaScript with nosniff", async () => {
    const mock = mockClient();
    for (const callback of ["myfun", "ns.cb", "$", "_", "jQuery3600123_456", "a.b.c", "$x.y_z"]) {
      const res = await authorize2(mock, { callback, response_type: "token", client_id: PIGAI_CLIENT });
      expect(res.status, callback).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^application\/javascript/);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect((await res.text()).startsWith(`${callback}(`)).toBe(true);
    }
    const refused = [
      "alert(1)//",
      "a b",
      "a.",
      ".a",
      "a..b",
      "1abc",
      "a-b",
      "a[0]",
      "a;b",
      "/*",
      "a\u2028b",
      "x".repeat(129),
      "",
      "<script>",
      "eval",
    ].filter((c) => !CALLBACK_PATTERN.test(c) || c.length > 128);
    expect(refused.length).toBeGreaterThan(10);
    for (const callback of refused) {
      const res = await authorize2(mock, { callback, response_type: "token", client_id: PIGAI_CLIENT });
      expect(res.status, callback).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ error: "invalid_request", error_code: 21329 });
    }
    // Repeated callbacks are refused, never concatenated.
    const twice = await mock.get(`/mock/pigai/oauth2/authorize2?callback=a&callback=b&response_type=token&client_id=${PIGAI_CLIENT}`);
    expect(twice.status).toBe(400);
    expect(twice.headers.get("content-type")).toMatch(/^application\/json/);
  });
});

describe("security: never a redirect to a URI that is not registered exactly", () => {
  const nearMisses = (registered: string, host: string) => [
    `${registered}/`,
    registered.toUpperCase(),
    registered.replace(host, host.replace(/^./, (c) => c.toUpperCase())),
    `${registered}/extra`,
    `${registered}x`,
    `${registered}?x=1`,
    `${registered}#frag`,
    `${registered}/../evil`,
    registered.replace(`//${host}`, `//${host}@evil.example`),
    registered.replace(`//${host}`, "//evil.example"),
    registered.replace(`//${host}`, `//${host}.evil.example`),
    registered.replace(`//${host}`, `//${host}:8081`),
    registered.replace("http:", "https:"),
    registered.replace("http://", "//"),
    ` ${registered}`,
    `${registered} `,
    `${registered}%2F`,
    "http://evil.example",
    "javascript:alert(1)",
  ];

  it("spring: near-misses get the error page, for the approval and the auto-approve client alike", async () => {
    const mock = mockClient();
    const cookie = await springSession(mock);
    const candidates = [
      ...nearMisses("http://localhost", "localhost"),
      ...nearMisses(CALLBACK, "localhost:4173").filter((u) => u !== CALLBACK),
      "http://localhost:4174/callback",
      "http://127.0.0.1",
      "http://localhost@evil.example",
    ];
    for (const clientId of ["messaging-client", "trusted-client"]) {
      for (const redirectUri of candidates) {
        for (const responseType of ["code", "token"]) {
          const res = await mock.get(springAuthorize({ response_type: responseType, client_id: clientId, redirect_uri: redirectUri, state: "s" }), { cookie });
          expect(res.headers.get("location"), `${clientId} ${redirectUri}`).toBeNull();
          expect(res.status).toBe(400);
        }
      }
      // The exact URI redirects (positive control).
      const ok = await mock.get(springAuthorize({ response_type: "code", client_id: "trusted-client", redirect_uri: CALLBACK, state: "s" }), { cookie });
      expect(ok.status).toBe(302);
      expect(ok.headers.get("location")).toMatch(new RegExp(`^${CALLBACK}\\?code=`));
    }
    // No redirect_uri with more than one registered: refused, not guessed.
    const none = await mock.get(springAuthorize({ response_type: "code", client_id: "trusted-client" }), { cookie });
    expect(none.status).toBe(400);
    expect(none.headers.get("location")).toBeNull();
  });

  it("ppmessage: near-misses get the error page on GET and POST /ppauth/auth", async () => {
    const mock = mockClient();
    const candidates = [...nearMisses("http://you-site.com", "you-site.com"), ...nearMisses(CALLBACK, "localhost:4173"), "http://localhost:4174/callback"];
    for (const redirectUri of candidates) {
      const page = await mock.get(`${PP}/ppauth/auth?${new URLSearchParams({ client_id: PP_CLIENT.id, redirect_uri: redirectUri, response_type: "code", state: "s" })}`);
      expect(page.headers.get("location"), redirectUri).toBeNull();
      expect(page.status).toBe(400);
      const posted = await ppLogin(mock, { redirect_uri: redirectUri });
      expect(posted.headers.get("location"), redirectUri).toBeNull();
      expect(posted.status).toBe(400);
    }
    const ok = await ppLogin(mock, { redirect_uri: "http://you-site.com" });
    expect(ok.status).toBe(302);
    expect(ok.headers.get("location")).toMatch(/^http:\/\/you-site\.com\?code=/);
  });
});

describe("security: state comes back unchanged in every redirect", () => {
  const state = "a b&c=d/é?#%zz\"'<>";

  it("spring code, denial and error redirects", async () => {
    const mock = mockClient();
    const cookie = await springSession(mock);
    const stateOf = (res: Response) => new URL(res.headers.get("location")!).searchParams.get("state");
    const code = await mock.get(springAuthorize({ response_type: "code", client_id: "trusted-client", redirect_uri: "http://localhost", state }), { cookie });
    expect(stateOf(code)).toBe(state);
    const unsupported = await mock.get(springAuthorize({ response_type: "token", client_id: "trusted-client", redirect_uri: "http://localhost", state }), { cookie });
    expect(stateOf(unsupported)).toBe(state);
    await mock.get(springAuthorize({ response_type: "code", client_id: "messaging-client", redirect_uri: "http://localhost", state }), { cookie });
    const denied = await mock.postForm(`${SPRING}/oauth/authorize`, { user_oauth_approval: "false" }, { cookie });
    expect(stateOf(denied)).toBe(state);
  });

  it("ppmessage code redirect", async () => {
    const mock = mockClient();
    const res = await ppLogin(mock, { state });
    expect(new URL(res.headers.get("location")!).searchParams.get("state")).toBe(state);
  });
});

describe("security: codes are single-use; a replay revokes what the code issued", () => {
  it("spring: access and refresh token revoked", async () => {
    const mock = mockClient();
    const code = await springCode(mock);
    const first = await springToken(mock, { grant_type: "authorization_code", code, redirect_uri: "http://localhost" });
    expect(first.status).toBe(200);
    const issued = (await first.json()) as { access_token: string; refresh_token: string };
    expect((await mock.get(`${SPRING}/api/me`, { Authorization: `Bearer ${issued.access_token}` })).status).toBe(200);

    const replay = await springToken(mock, { grant_type: "authorization_code", code, redirect_uri: "http://localhost" });
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({ error: "invalid_grant" });
    expect((await mock.get(`${SPRING}/api/me`, { Authorization: `Bearer ${issued.access_token}` })).status).toBe(401);
    const refresh = await springToken(mock, { grant_type: "refresh_token", refresh_token: issued.refresh_token });
    expect(refresh.status).toBe(400);
    expect(await refresh.json()).toMatchObject({ error: "invalid_grant" });
  });

  it("spring: a code that failed its first exchange (wrong redirect_uri) is spent too", async () => {
    const mock = mockClient();
    const code = await springCode(mock);
    const wrong = await springToken(mock, { grant_type: "authorization_code", code, redirect_uri: CALLBACK });
    expect(wrong.status).toBe(400);
    const retry = await springToken(mock, { grant_type: "authorization_code", code, redirect_uri: "http://localhost" });
    expect(retry.status).toBe(400);
    expect(await retry.json()).toMatchObject({ error: "invalid_grant" });
  });

  it("ppmessage: the token it issued is revoked", async () => {
    const mock = mockClient();
    const code = await ppCode(mock);
    const first = await ppToken(mock, code);
    expect(first.status).toBe(200);
    const { access_token } = (await first.json()) as { access_token: string };
    expect((await ppApi(mock, access_token)).status).toBe(200);
    const replay = await ppToken(mock, code);
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({ error: "invalid_grant" });
    const after = await ppApi(mock, access_token);
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ error_code: "4" });
  });

  it("openplatform: the user token it issued is revoked", async () => {
    const mock = mockClient();
    const app = { app_id: "op1f45b3c51894531e", secret: "8ab9ff00bec358bba1e1a11ae59c9e45" };
    const { code } = (await (await mock.postForm("/mock/openplatform/_sim/code", { app_id: app.app_id })).json()) as { code: string };
    const exchange = () => mock.postForm("/mock/openplatform/OAuth2/token", { ...app, grant_type: "authorization_code", code });
    const first = (await (await exchange()).json()) as { status: number; data: { access_token: string; open_id: string } };
    expect(first.status).toBe(2000);
    const check = async () =>
      (await (await mock.postForm("/mock/openplatform/OAuth2/checkCode", { app_id: app.app_id, type: "access_token", code: first.data.access_token, open_id: first.data.open_id })).json()) as {
        status: string;
      };
    expect((await check()).status).toBe("2000");
    const replay = (await (await exchange()).json()) as { status: string; message: string };
    expect(replay).toMatchObject({ status: "4102", message: "authorization_code is invalid" });
    expect((await check()).status).toBe("4102");
  });
});

describe("security: request bodies are capped with a 413 in each provider's envelope", () => {
  const big = `a=${"b".repeat(MAX_BODY_BYTES)}`;
  const cases: Array<[string, string, (body: Record<string, unknown>) => void]> = [
    ["/mock/spring/oauth/token", "application/x-www-form-urlencoded", (b) => expect(b).toMatchObject({ error: "invalid_request", error_description: expect.any(String) })],
    ["/mock/spring/login", "application/x-www-form-urlencoded", (b) => expect(b).toMatchObject({ error: "invalid_request", error_description: expect.any(String) })],
    ["/mock/ppmessage/ppauth/token", "application/x-www-form-urlencoded", (b) => expect(b).toMatchObject({ error: "invalid_request", error_description: expect.any(String) })],
    ["/mock/ppmessage/api/PP_GET_USER_INFO", "application/json", (b) => expect(b).toMatchObject({ error_code: "1", error_string: expect.any(String), uri: "/PP_GET_USER_INFO" })],
    ["/mock/pigai/oauth2/access_token", "application/x-www-form-urlencoded", (b) => expect(b).toMatchObject({ error: "invalid_request", error_code: 21329, error_description: expect.any(String) })],
    [
      "/mock/easemob/easemob-demo/testapp/token",
      "application/json",
      (b) => expect(b).toMatchObject({ error: "request_entity_too_large", exception: expect.any(String), timestamp: expect.any(Number), duration: 0, error_description: expect.any(String) }),
    ],
    ["/mock/openplatform/OAuth2/token", "application/x-www-form-urlencoded", (b) => expect(b).toMatchObject({ status: "4102", message: expect.any(String), data: [] })],
  ];

  it.each(cases)("%s (streamed, no Content-Length)", async (path, type, envelope) => {
    const mock = mockClient();
    const res = await mock.request(path, { method: "POST", headers: { "Content-Type": type }, body: big });
    expect(res.status).toBe(413);
    envelope((await res.json()) as Record<string, unknown>);
  });

  it("over a real socket with Content-Length, for every provider", async () => {
    const { app } = mockClient();
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    const { port } = server.address() as AddressInfo;
    try {
      for (const [path, type, envelope] of cases) {
        const res = await fetch(`http://127.0.0.1:${port}${path}`, { method: "POST", headers: { "Content-Type": type }, body: big });
        expect(res.status, path).toBe(413);
        envelope((await res.json()) as Record<string, unknown>);
      }
      // Just under the cap is read normally (no 413).
      const fits = await fetch(`http://127.0.0.1:${port}/mock/pigai/oauth2/access_token`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: `a=${"b".repeat(MAX_BODY_BYTES - 2)}`,
      });
      expect(fits.status).toBe(400);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("a refused body never breaks the client's next request on its kept-alive socket", async () => {
    const { app } = mockClient();
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    const { port } = server.address() as AddressInfo;
    // One kept-alive socket, reused as a client library would.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const post = (body: string, streamed = false) =>
      new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
        const headers: Record<string, string | number> = { "Content-Type": "application/x-www-form-urlencoded" };
        if (!streamed) headers["Content-Length"] = Buffer.byteLength(body);
        const req = http.request({ host: "127.0.0.1", port, path: "/mock/pigai/oauth2/access_token", method: "POST", agent, headers }, (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => (text += chunk));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body: text }));
        });
        req.on("error", reject);
        // Streamed: sent in chunks without a Content-Length (Transfer-Encoding: chunked).
        if (streamed) for (let i = 0; i < body.length; i += 16 * 1024) req.write(body.slice(i, i + 16 * 1024));
        req.end(streamed ? undefined : body);
      });
    const tokenRequest = "grant_type=client_credentials&client_id=pg5f3c9a1e7b2d4c68&client_secret=e2b7c1d94f6a0385b1c7d2e9f4a6b803";
    const huge = `a=${"b".repeat(16 * MAX_BODY_BYTES)}`;
    try {
      // With a Content-Length the refused body is read to its end and dropped: the socket stays open.
      const sized = await post(huge);
      expect(sized.status).toBe(413);
      expect(JSON.parse(sized.body)).toMatchObject({ error_code: 21329 });
      expect(sized.connection).toBe("keep-alive");
      expect((await post(tokenRequest)).status).toBe(200);
      // A streamed one is abandoned half-read, and the 413 says the connection closes.
      const streamed = await post(huge, true);
      expect(streamed.status).toBe(413);
      expect(streamed.connection).toBe("close");
      const next = await post(tokenRequest);
      expect(next.status).toBe(200);
      expect(JSON.parse(next.body)).toMatchObject({ token_type: "Bearer" });
    } finally {
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe("bounded memory: stores and the traffic log stay capped", () => {
  it("an ExpiringStore never holds more than its capacity (30k writes)", () => {
    const store = new ExpiringStore<number>(createClock(), 10_000);
    for (let i = 0; i < 30_000; i++) store.set(`k${i}`, i, null);
    expect(store.size).toBe(10_000);
    expect(store.get("k0")).toBeUndefined();
    expect(store.get("k29999")).toBe(29_999);
  });

  it("30k pigai tokens: the oldest are evicted, the newest still work, the log stays at its ring size", { timeout: 60_000 }, async () => {
    const mock = mockClient();
    const body = "grant_type=client_credentials&client_id=pg5f3c9a1e7b2d4c68&client_secret=e2b7c1d94f6a0385b1c7d2e9f4a6b803";
    const issue = async () => ((await (await mock.postForm("/mock/pigai/oauth2/access_token", body)).json()) as { access_token: string }).access_token;
    const first = await issue();
    const me = (token: string) => mock.get("/mock/pigai/api/me", { Authorization: `Bearer ${token}` });
    expect((await me(first)).status).toBe(200);
    let last = first;
    for (let i = 0; i < 30_000; i++) last = await issue();
    expect((await me(first)).status).toBe(401); // evicted: the store is capped at 20k
    expect((await me(last)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(mock.log.capacity).toBe(TRAFFIC_CAPACITY);
    expect(mock.log.list()).toHaveLength(TRAFFIC_CAPACITY);
  });

  it("spring sessions are capped: a flood of new sessions evicts the oldest", { timeout: 60_000 }, async () => {
    const mock = mockClient();
    const cookie = await springSession(mock);
    expect((await mock.get(`${SPRING}/`, { cookie })).status).toBe(200); // signed in
    for (let i = 0; i < 6_000; i++) await mock.get(springAuthorize({ response_type: "code", client_id: "trusted-client" }));
    const after = await mock.get(`${SPRING}/`, { cookie });
    expect(after.status).toBe(302); // the session is gone: back to /login
    expect(mock.log.list().length).toBeLessThanOrEqual(TRAFFIC_CAPACITY);
  });
});
