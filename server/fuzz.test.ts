/**
 * Property-based fuzzing of every mock endpoint (five providers and the control
 * API) through app.request(). At least 10,000 generated requests per run.
 *
 * Invariants checked on every answer:
 * - never a 5xx, never an unhandled rejection;
 * - every error (4xx) is in the provider's own envelope (JSON with the
 *   provider's fields), or an HTML page with CSP and X-Frame-Options where the
 *   provider renders pages;
 * - 2xx JSON parses; JSONP answers call an identifier-path callback with nosniff;
 * - a redirect goes back into the mock or to a registered redirect URI, never elsewhere;
 * - /mock/_control/health is still 200 afterwards.
 *
 * The seed is fixed (reproducible in CI); FUZZ_SEED=<n> varies it, FUZZ_SCALE=<x>
 * multiplies the number of runs (e.g. FUZZ_SCALE=10 for a long local session).
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CALLBACK_PATTERN } from "../src/providers/pigai/mock/routes.ts";
import { cookieOf, mockClient } from "./testing.ts";

const envNumber = (name: string, fallback: number) => {
  const value = Number(process.env[name] || Number.NaN);
  return Number.isFinite(value) ? value : fallback;
};
const SEED = Math.trunc(envNumber("FUZZ_SEED", 20_240_607));
const SCALE = envNumber("FUZZ_SCALE", 1);
const MIN_REQUESTS = 10_000;
const ORIGIN = "http://localhost:4173";

type Target = "spring" | "ppmessage" | "pigai" | "easemob" | "openplatform" | "_control";

interface FuzzRequest {
  method: string;
  /** Path after /mock/<target>, starting with "/" (or empty). */
  path: string;
  /** Raw query string, without "?". */
  query: string;
  headers: Array<[string, string]>;
  body: string | Uint8Array<ArrayBuffer> | undefined;
}

// ---------------------------------------------------------------------------
// What each target knows: its endpoints, parameter names and plausible values.
// Known values are mixed with junk so that requests reach deep into the handlers.

const SPRING_AUTHORIZE = "response_type=code&client_id=trusted-client&redirect_uri=http://localhost";

const TARGETS: Record<Target, { paths: string[]; names: string[]; values: string[]; auth: string[] }> = {
  spring: {
    paths: ["/login", "/", "/oauth/authorize", "/oauth/token", "/api/me", "/oauth/confirm_access", "/oauth/check_token"],
    names: ["grant_type", "code", "client_id", "client_secret", "redirect_uri", "refresh_token", "response_type", "scope", "state", "username", "password", "user_oauth_approval", "scope.read", "scope.write", "error", "logout"],
    values: ["authorization_code", "refresh_token", "password", "code", "token", "messaging-client", "trusted-client", "secret", "trusted-secret", "user", "http://localhost", "http://localhost/", "HTTP://LOCALHOST", "http://localhost@evil.example", "http://localhost:4173/callback", "read", "write", "read write", "true", "false"],
    auth: ["Basic bWVzc2FnaW5nLWNsaWVudDpzZWNyZXQ=", "Basic dHJ1c3RlZC1jbGllbnQ6dHJ1c3RlZC1zZWNyZXQ=", "Basic Og==", "Basic ", "Basic ***", "Basic JXp6OiV6eg==", "Bearer ", "Bearer x"],
  },
  ppmessage: {
    paths: ["/ppauth/auth", "/ppauth/token", "/api/PP_GET_APP_SERVICE_USER_LIST", "/api/PP_GET_USER_INFO", "/api/PP_NOPE", "/ppauth/", "/api/"],
    names: ["client_id", "client_secret", "redirect_uri", "redirect_id", "response_type", "state", "email", "password", "grant_type", "code", "app_uuid", "user_uuid"],
    values: ["3d6e2a9c-5b1f-11e6-9c4e-acbc32d7e3f1", "ZjNhOGMwZDE5YjdlNGE2MmM1ZDhlOTAxYjM3ZjRhMmU2YzBkOTFiNw==", "3d6f41b8-5b1f-11e6-9c4e-acbc32d7e3f1", "5e2b7c94-5b1f-11e6-9c4e-acbc32d7e3f1", "http://you-site.com", "http://you-site.com/", "http://localhost:4173/callback", "kefu@ppmessage-demo.com", "ppmessage123", "authorization_code", "code"],
    auth: ["OAuth ", "OAuth x", "Bearer x", "oauth  y"],
  },
  pigai: {
    paths: ["/oauth2/authorize2", "/oauth2/access_token", "/api/me", "/oauth2/authorize"],
    names: ["callback", "client_id", "client_secret", "response_type", "state", "grant_type", "_"],
    values: ["myfun", "jQuery3600_1", "ns.cb", "a..b", "1abc", "alert(1)//", "pg5f3c9a1e7b2d4c68", "e2b7c1d94f6a0385b1c7d2e9f4a6b803", "token", "client_credentials", "code"],
    auth: ["Bearer ", "Bearer 0000000000000000000000000000000000000000"],
  },
  easemob: {
    paths: ["/easemob-demo/testapp/token", "/easemob-demo/testapp/users", "/easemob-demo/other/token", "/easemob-demo/testapp", "/x/y/token"],
    names: ["grant_type", "client_id", "client_secret", "ttl", "limit"],
    values: ["client_credentials", "password", "YXA6i-Ak8Ol4Eei2l11ZjV-EAg", "YXA6VunqiNxoB7IwXHInk1cGiXOOJfc", "0", "-1", "1e3", "99999999999999999999", "100", "101", "1"],
    auth: ["Bearer ", "Bearer YWMtxyz"],
  },
  openplatform: {
    paths: ["/_sim/code", "/OAuth2/token", "/OAuth2/server_token", "/OAuth2/ticket", "/OAuth2/checkCode", "/oauth2/token"],
    names: ["app_id", "secret", "grant_type", "code", "access_token", "type", "open_id", "username", "password"],
    values: ["op1f45b3c51894531e", "8ab9ff00bec358bba1e1a11ae59c9e45", "authorization_code", "js_ticket", "access_token", "zhangsan", "lisi", "zhangsan123"],
    auth: [],
  },
  _control: {
    // /traffic/stream is an endless SSE answer: the checker reads its first chunk and cancels it.
    paths: ["/health", "/fixtures", "/reset", "/clock", "/clock/advance", "/seed", "/traffic", "/traffic/stream", "/nope"],
    names: ["seconds", "seed"],
    values: ["600", "-600", "1e309", "42", "null"],
    auth: [],
  },
};

/** Paths where a provider renders HTML (pages are allowed as error answers there). */
const PAGE_PATHS: Partial<Record<Target, RegExp>> = {
  spring: /^\/(login|oauth\/authorize)?$/,
  ppmessage: /^\/ppauth\/auth$/,
};

// ---------------------------------------------------------------------------
// Arbitraries

const junkStrings = fc.oneof(
  fc.string({ maxLength: 24 }),
  fc.string({ unit: "grapheme", maxLength: 16 }),
  fc.string({ unit: "binary", maxLength: 16 }), // lone surrogates included
  fc.constantFrom("", " ", "\u0000", "a\u0000b", "%", "%zz", "%E0%A4%A", "%00", "%u0041", "+", "&", "=", "\r\n", "\uFEFF", "\u2028", "😀", "中文", "'\"<>", '"><script>alert(1)</script>', "__proto__", "constructor", "null", "[]", "{}"),
);
const hugeString = fc.integer({ min: 1_000, max: 80_000 }).chain((n) => fc.constantFrom("a", "%", "é", "\u0000").map((ch) => ch.repeat(n)));

const valueOf = (target: Target) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...TARGETS[target].values) },
    { weight: 4, arbitrary: junkStrings },
    { weight: 1, arbitrary: fc.integer().map(String) },
    { weight: 1, arbitrary: hugeString },
  );

const nameOf = (target: Target) =>
  fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...TARGETS[target].names) }, { weight: 2, arbitrary: junkStrings });

/** Parameter lists: known names with known or junk values, sometimes repeated, sometimes none. */
const paramsOf = (target: Target) => fc.array(fc.tuple(nameOf(target), valueOf(target)), { maxLength: 8 });

function safeEncode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, "\uFFFD"));
  }
}

const encodePairs = (pairs: Array<[string, string]>) => pairs.map(([k, v]) => `${safeEncode(k)}=${safeEncode(v)}`).join("&");

/** Malformed or odd raw query/form strings (percent-encoding errors, bare names, stray separators). */
const rawFormJunk = fc.constantFrom("%", "a=%", "a=%zz&b=%E0%A4%A", "=&=&", "&&&&", "a", "a=1&a=2", "%E0%A4%A=1", "a=%00b", "a=1;b=2", "a[]=1&a[]=2", "a=%F0%9F%98", "+++=+++");

const queryOf = (target: Target) =>
  fc.oneof(
    { weight: 6, arbitrary: paramsOf(target).map(encodePairs) },
    { weight: 1, arbitrary: rawFormJunk },
    { weight: 1, arbitrary: fc.tuple(paramsOf(target).map(encodePairs), rawFormJunk).map(([a, b]) => `${a}&${b}`) },
  );

const segment = fc.oneof(
  fc.constantFrom("oauth", "token", "api", "OAuth2", "ppauth", "easemob-demo", "testapp", "users", "%zz", "%E0%A4%A", "%2F", "%00", "%25", "a%20b", "中文", "😀", "", "x".repeat(3000), "_sim", ";a=b", "index.html"),
  fc.stringMatching(/^[A-Za-z0-9_.~-]{1,12}$/).filter((s) => s !== "." && s !== ".."),
);

const pathOf = (target: Target) =>
  fc.oneof(
    { weight: 7, arbitrary: fc.constantFrom(...TARGETS[target].paths) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...TARGETS[target].paths), fc.constantFrom("/", "//", "/x", "%00", ".json", "%2F..", "/%zz")).map(([p, s]) => p + s) },
    { weight: 2, arbitrary: fc.array(segment, { minLength: 0, maxLength: 4 }).map((segs) => segs.map((s) => `/${s}`).join("")) },
  );

const method = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom("GET", "POST") },
  { weight: 3, arbitrary: fc.constantFrom("PUT", "DELETE", "PATCH", "HEAD", "OPTIONS") },
  { weight: 1, arbitrary: fc.constantFrom("get", "post", "patch", "PROPFIND", "FOO", "QUERY", "M-SEARCH") },
);

const contentType = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom("application/x-www-form-urlencoded", "application/json", "application/json; charset=utf-8", "") },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "APPLICATION/JSON",
      "text/plain",
      "multipart/form-data; boundary=xyz",
      "application/xml",
      "application/x-www-form-urlencoded; charset=gbk",
      "application/json;;;",
      "application/javascript",
      "*/*",
      ";",
      "application/x-www-form-urlencoded, application/json",
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme-ascii", maxLength: 40 }) },
);

const jsonValue = fc.jsonValue({ maxDepth: 2 });

const bodyOf = (target: Target): fc.Arbitrary<string | Uint8Array<ArrayBuffer> | undefined> =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constant(undefined) },
    { weight: 5, arbitrary: paramsOf(target).map((pairs) => new URLSearchParams(pairs).toString()) },
    { weight: 5, arbitrary: fc.array(fc.tuple(nameOf(target), fc.oneof(valueOf(target), jsonValue)), { maxLength: 8 }).map((pairs) => JSON.stringify(Object.fromEntries(pairs))) },
    { weight: 2, arbitrary: fc.tuple(paramsOf(target), fc.nat()).map(([pairs, cut]) => { const s = JSON.stringify(Object.fromEntries(pairs)); return s.slice(0, cut % (s.length + 1)); }) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        "{",
        '{"a":',
        "[]",
        '"str"',
        "null",
        "1e999",
        '{"grant_type":"client_credentials","grant_type":"client_credentials"}',
        '{"__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}}}',
        "[".repeat(20_000) + "]".repeat(20_000),
        '{"ttl":1e400}',
        '{"seconds":1e308}',
        '{"seed":-1}',
        "\u0000\u0000\u0000",
        "\uFEFF{}",
      ),
    },
    { weight: 1, arbitrary: rawFormJunk },
    { weight: 2, arbitrary: fc.uint8Array({ maxLength: 256 }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
    // Past the 64 KB cap: every provider must answer 413 in its envelope.
    { weight: 1, arbitrary: fc.integer({ min: 64 * 1024 + 1, max: 200_000 }).map((n) => `a=${"b".repeat(n)}`) },
  );

const headerValue = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: "grapheme-ascii", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 8_000, max: 64_000 }).map((n) => "h".repeat(n)) }, // huge headers
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(..."é€ÿ\u0080\u00ff"), maxLength: 10 }).map((s) => Buffer.from(s, "utf8").toString("latin1")) },
);

const headersOf = (target: Target, sessionCookie: () => string) =>
  fc.record(
    {
      contentType,
      authorization: fc.oneof(fc.constantFrom(...(TARGETS[target].auth.length ? TARGETS[target].auth : ["Bearer x"])), headerValue),
      cookie: fc.oneof(fc.constant("session"), fc.constantFrom("JSESSIONID=%zz", "JSESSIONID=", "JSESSIONID=\"a\"; JSESSIONID=b", "=;=;"), headerValue),
      extra: fc.array(fc.tuple(fc.constantFrom("accept", "x-forwarded-for", "sec-fetch-mode", "sec-fetch-dest", "origin", "referer", "x-requested-with", "x-huge", "accept-language", "if-none-match"), headerValue), { maxLength: 3 }),
      // Honest, lying and malformed lengths: the body cap decides from this header when it is there.
      contentLength: fc.constantFrom("0", "1", "10", "65536", "65537", "999999999", "-1", "abc", "1e3", ""),
    },
    { requiredKeys: [] },
  ).map((h) => {
    const list: Array<[string, string]> = [];
    if (h.contentType !== undefined) list.push(["content-type", h.contentType]);
    if (h.authorization !== undefined) list.push(["authorization", h.authorization]);
    if (h.cookie !== undefined) list.push(["cookie", h.cookie === "session" ? sessionCookie() : h.cookie]);
    if (h.contentLength !== undefined) list.push(["content-length", h.contentLength]);
    list.push(...(h.extra ?? []));
    return list;
  });

const requestOf = (target: Target, sessionCookie: () => string): fc.Arbitrary<FuzzRequest> =>
  fc.record({ method, path: pathOf(target), query: fc.option(queryOf(target), { nil: "" }), headers: headersOf(target, sessionCookie), body: bodyOf(target) });

// ---------------------------------------------------------------------------
// The checker

type Mock = ReturnType<typeof mockClient>;

let requests = 0;
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);

function landedOn(url: string): { target: Target | "unknown" | "outside"; sub: string } {
  let path = new URL(url).pathname;
  try {
    path = decodeURI(path);
  } catch {
    // Hono keeps undecodable paths as they are.
  }
  const match = /^\/mock\/([^/]*)(\/.*)?$/.exec(path);
  if (!match) return { target: "outside", sub: path };
  const id = match[1]!;
  const known = id in TARGETS ? (id as Target) : "unknown";
  return { target: known, sub: match[2] ?? "" };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown) => typeof v === "string";

/** The provider's own error envelope. */
function envelopeProblem(target: Target | "unknown", sub: string, body: unknown): string | undefined {
  if (!isRecord(body)) return "error body is not a JSON object";
  switch (target) {
    case "spring":
    case "unknown":
      return str(body.error) && str(body.error_description) ? undefined : "expected {error, error_description}";
    case "ppmessage":
      if (sub.startsWith("/ppauth/")) return str(body.error) && str(body.error_description) ? undefined : "expected {error, error_description} under /ppauth/";
      return str(body.error_code) && str(body.error_string) && str(body.uri) ? undefined : "expected {error_code, error_string, uri}";
    case "pigai":
      return str(body.error) && body.error_code === 21329 && str(body.error_description) ? undefined : "expected {error, error_code: 21329, error_description}";
    case "easemob":
      return str(body.error) && str(body.exception) && typeof body.timestamp === "number" && typeof body.duration === "number" && str(body.error_description)
        ? undefined
        : "expected {error, exception, timestamp, duration, error_description}";
    case "openplatform":
      return body.status === "4102" && str(body.message) && Array.isArray(body.data) && body.data.length === 0 ? undefined : 'expected {status: "4102", message, data: []}';
    case "_control":
      return str(body.error) ? undefined : "expected {error}";
  }
}

async function registeredRedirects(mock: Mock): Promise<Record<string, string[]>> {
  const fixtures = (await (await mock.get("/mock/_control/fixtures")).json()) as Record<string, { clients: Array<{ redirect_uris?: string[] }> }>;
  return Object.fromEntries(Object.entries(fixtures).map(([id, f]) => [id, f.clients.flatMap((c) => c.redirect_uris ?? [])]));
}

function describeRequest(url: string, init: RequestInit): string {
  const body = init.body instanceof Uint8Array ? `<${init.body.byteLength} bytes>` : typeof init.body === "string" ? JSON.stringify(init.body.slice(0, 300)) : "";
  return `${init.method} ${url.slice(0, 300)} headers=${JSON.stringify(init.headers).slice(0, 300)} body=${body}`;
}

async function send(mock: Mock, target: Target, req: FuzzRequest, redirects: Record<string, string[]>): Promise<void> {
  const url = `${ORIGIN}/mock/${target}${req.path}${req.query ? `?${req.query}` : ""}`;
  const upper = req.method.toUpperCase();
  const init: RequestInit = { method: req.method, headers: req.headers };
  if (req.body !== undefined && upper !== "GET" && upper !== "HEAD") init.body = req.body;
  let res: Response;
  try {
    res = await mock.app.request(url, init);
  } catch (err) {
    throw new Error(`app.request threw for ${describeRequest(url, init)}: ${String(err)}`);
  }
  requests++;
  const fail = (why: string, body?: string) => {
    throw new Error(`${why}\n  request: ${describeRequest(url, init)}\n  answer: ${res.status} ${res.headers.get("content-type")} ${body?.slice(0, 500) ?? ""}`);
  };
  const type = res.headers.get("content-type") ?? "";
  if (type.startsWith("text/event-stream")) {
    await res.body?.cancel();
    if (res.status !== 200) fail("SSE stream not 200");
    return;
  }
  const text = await res.text();
  if (res.status >= 500) fail("5xx answer", text);
  if (res.status < 100) fail("bad status", text);
  const { target: landed, sub } = landedOn(url);
  if (landed === "outside") return; // dot-segments took the request out of /mock: not ours
  const isHead = upper === "HEAD";

  if (res.status >= 300 && res.status < 400) {
    const location = res.headers.get("location");
    if (!location) fail("redirect without Location", text);
    const into = new URL(location!, url);
    const ownMock = into.origin === ORIGIN && into.pathname.startsWith(`/mock/${landed}/`);
    const base = location!.split("?")[0]!;
    if (!ownMock && !(redirects[landed] ?? []).includes(base)) fail(`redirect to an unregistered URI ${location}`, text);
    if (ownMock) {
      // A redirect inside the mock must land on something the mock serves.
      const cookie = cookieOf(res) || (req.headers.find(([k]) => k === "cookie")?.[1] ?? "");
      const next = await mock.app.request(into.href, { headers: cookie ? { cookie } : {} });
      requests++;
      if (next.status === 404 || next.status >= 500) fail(`redirect to ${location} lands on ${next.status}`, await next.text());
      await next.body?.cancel();
    }
    return;
  }

  if (type.startsWith("text/html")) {
    if (!res.headers.get("content-security-policy") || res.headers.get("x-frame-options") !== "DENY") fail("HTML page without CSP / X-Frame-Options", text);
    if (res.status >= 400 && !(PAGE_PATHS[landed as Target]?.test(sub) ?? false)) fail("HTML error page where the provider answers JSON", text);
    return;
  }

  if (landed === "pigai" && sub === "/oauth2/authorize2" && res.status === 200) {
    if (!type.startsWith("application/javascript")) fail("JSONP with a non-JavaScript content type", text);
    if (res.headers.get("x-content-type-options") !== "nosniff") fail("JSONP without nosniff", text);
    if (isHead) return;
    const call = /^([^(]*)\((.*)\)$/s.exec(text);
    if (!call || !CALLBACK_PATTERN.test(call[1]!)) fail("JSONP answer not of the form identifier(json)", text);
    JSON.parse(call![2]!);
    return;
  }

  if (isHead || res.status === 204 || res.status === 304) return;
  if (!type.startsWith("application/json")) fail(`unexpected content type ${type}`, text);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    fail("JSON answer does not parse", text);
  }
  if (res.status >= 400) {
    const problem = envelopeProblem(landed, sub, body);
    if (problem) fail(`error outside the provider's envelope: ${problem}`, text);
  } else if (landed === "openplatform" && isRecord(body) && "status" in body && body.status === "4102") {
    const problem = envelopeProblem(landed, sub, body);
    if (problem) fail(`error outside the provider's envelope: ${problem}`, text);
  }
}

// ---------------------------------------------------------------------------

const RUNS: Record<Target, number> = { spring: 2_400, ppmessage: 2_000, pigai: 2_000, easemob: 1_600, openplatform: 1_600, _control: 600 };

describe("fuzz: every mock endpoint answers in its own envelope, never a 5xx", () => {
  let mock: Mock;
  let redirects: Record<string, string[]>;
  let session = "";

  async function signIn() {
    const first = await mock.get(`/mock/spring/oauth/authorize?${SPRING_AUTHORIZE}`);
    session = cookieOf(await mock.postForm("/mock/spring/login", { username: "user", password: "password" }, { cookie: cookieOf(first) }));
  }

  beforeAll(async () => {
    process.on("unhandledRejection", onRejection);
    mock = mockClient();
    redirects = await registeredRedirects(mock);
    await signIn();
  });

  afterAll(() => {
    process.off("unhandledRejection", onRejection);
  });

  const targets = Object.keys(RUNS) as Target[];
  targets.forEach((target, index) => {
    const numRuns = Math.max(1, Math.round(RUNS[target] * SCALE));
    it(`${target}: ${numRuns} random requests`, { timeout: 120_000 }, async () => {
      // A signed-in session reaches the approval page and POST /oauth/authorize.
      if (target === "spring") await signIn();
      await fc.assert(
        fc.asyncProperty(requestOf(target, () => session), (req) => send(mock, target, req, redirects)),
        { seed: SEED + index, numRuns, endOnFailure: true },
      );
    });
  });

  it(`sent at least ${MIN_REQUESTS} requests, saw no unhandled rejection, and the mock is still healthy`, async () => {
    // Let the traffic recorder's background reads settle before looking for rejections.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests).toBeGreaterThanOrEqual(Math.min(MIN_REQUESTS, Math.round(MIN_REQUESTS * SCALE)));
    expect(rejections).toEqual([]);
    const health = await mock.get("/mock/_control/health");
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    // The traffic log stayed a ring buffer through it all.
    expect(mock.log.list().length).toBeLessThanOrEqual(mock.log.capacity);
  });
});
