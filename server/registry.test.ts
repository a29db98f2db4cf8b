/**
 * A sixth provider, defined here and nowhere else, goes through the same suites as the five real
 * ones (fuzz, security, contracts): adding a provider needs no test of its own to be covered.
 * Broken variants of it show that each suite really catches what it claims to.
 */
import { Hono } from "hono";
import { html, raw } from "hono/html";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { defineMeta, type ProviderContract } from "../src/core/provider/contract.ts";
import { l } from "../src/core/i18n/localized.ts";
import { createMockApp } from "./app.ts";
import { clientChallenge } from "./kit/challenge.ts";
import { appendQuery, capBody, isRegisteredUri, schemeToken } from "./kit/http.ts";
import { readInput, type InputLadder } from "./kit/input.ts";
import { renderPage } from "./kit/pages.ts";
import { Params } from "./kit/params.ts";
import { answerField, type MockProbes, type ProbeClient } from "./kit/probes.ts";
import type { MockEntry, ProviderEnv } from "./kit/provider.ts";
import { issueCode, redeemCodeOnce, type CodeRecord } from "./kit/single-use-codes.ts";
import { ExpiringStore } from "./kit/expiring-store.ts";
import { describeContracts } from "./suites/contracts.ts";
import { describeFuzz, entryTarget, fuzzTarget, fuzzWorld } from "./suites/fuzz.ts";
import { checkJsonp, checkPagesEscape, checkRedirects, checkReplay, describeSecurity, XSS_PAYLOADS } from "./suites/security.ts";
import type { Context } from "hono";

/** What a variant gets wrong, to see the suites catch it. */
interface Flaws {
  /** Echoes query names into a plain object: prototype names break it. */
  inheritedParams?: boolean;
  /** Shows the greeting's name unescaped. */
  rawPage?: boolean;
  /** Redirects to anything that starts like a registered URI. */
  prefixRedirects?: boolean;
  /** Refuses a replayed code but leaves its token alive. */
  keepsReplayedTokens?: boolean;
  /** Calls any callback name it is given. */
  anyCallback?: boolean;
  /** Answers an unknown path outside its own error envelope. */
  strayEnvelope?: boolean;
}

const APP = { client_id: "sandbox-app", client_secret: "s3cret", redirect_uris: ["http://sandbox.example/cb"] };
const errorSchema = z.object({ fault: z.string(), detail: z.string() });
const CALLBACK = /^[A-Za-z_$][\w$]*$/;

function sandboxContract(): ProviderContract {
  return {
    ...defineMeta({ id: "sandbox", name: l("Sandbox", "沙盒"), summary: l("A throwaway provider", "临时提供方"), sourceDocument: "", documentedBase: "" }),
    paths: {},
    schemas: { fixtures: z.object({ clients: z.array(z.object({ client_id: z.string(), client_secret: z.string(), redirect_uris: z.array(z.string()) })), users: z.array(z.never()) }), errors: [errorSchema] },
    quirks: [],
    errors: [],
  };
}

function createSandbox(env: ProviderEnv, flaws: Flaws) {
  const app = new Hono();
  const codes = new ExpiringStore<CodeRecord<{ clientId: string }>>(env.clock, 1_000);
  const tokens = new ExpiringStore<{ clientId: string }>(env.clock, 1_000);
  const fault = (c: Context, status: 400 | 401 | 404 | 413 | 415, name: string, detail: string, headers?: Record<string, string>) => c.json({ fault: name, detail }, status, headers);
  const input: InputLadder = {
    read: { body: ["form"] },
    unsupported: (c, type) => fault(c, 415, "unsupported", `send a form, not ${type}`),
    malformed: (c, detail) => fault(c, 400, "malformed", detail),
    repeated: (c, name) => fault(c, 400, "repeated", `${name} is repeated`),
  };
  const registered = (uri: string) => (flaws.prefixRedirects ? APP.redirect_uris.some((r) => uri.startsWith(r)) : isRegisteredUri(uri, APP.redirect_uris));

  app.use(capBody((c) => fault(c, 413, "too_large", "body over 64 KB")));
  app.get("/hello", (c) => {
    const query = new URL(c.req.url).searchParams;
    const seen: Record<string, unknown[]> = flaws.inheritedParams ? {} : Params.fromSearchParams(query).toRecord();
    if (flaws.inheritedParams) for (const [k, v] of query) (seen[k] ??= []).push(v);
    const name = query.get("name") ?? "";
    return renderPage(c, { title: "Hello", body: html`<main><h1>Hello ${flaws.rawPage ? raw(name) : name}</h1><p>${Object.keys(seen).length} names</p></main>` });
  });
  app.get("/authorize", (c) => {
    const query = new URL(c.req.url).searchParams;
    const uri = query.get("redirect_uri") ?? "";
    if (query.get("client_id") !== APP.client_id || !registered(uri)) {
      return renderPage(c, { title: "Refused", status: 400, body: html`<main><p role="alert">No redirect to ${uri} for ${query.get("client_id") ?? ""}</p></main>` });
    }
    const code = env.random.hex(8);
    issueCode(codes, code, { clientId: APP.client_id }, env.clock.now() + 60);
    return c.redirect(appendQuery(uri, { code, state: query.get("state") ?? undefined }), 302);
  });
  app.post("/token", async (c) => {
    const params = await readInput(c, input, { names: ["code", "client_id", "client_secret"], missing: (c, name) => fault(c, 400, "missing", `${name} is required`) });
    if (params instanceof Response) return params;
    if (params.get("client_id") !== APP.client_id || params.get("client_secret") !== APP.client_secret) {
      return fault(c, 401, "bad_client", "unknown client", { "www-authenticate": clientChallenge("form", "sandbox", "bad_client", "unknown client") });
    }
    const code = params.get("code")!;
    const found = flaws.keepsReplayedTokens ? codes.take(code) : undefined;
    const redeemed = flaws.keepsReplayedTokens ? (found ? { ok: true as const, grant: found.grant, family: found.family } : { ok: false as const }) : redeemCodeOnce(codes, code);
    if (!redeemed.ok) return fault(c, 400, "bad_code", "unknown or used code");
    const token = env.random.hex(16);
    redeemed.family.issue(tokens, token, { clientId: APP.client_id }, env.clock.now() + 600);
    return c.json({ access_token: token });
  });
  app.get("/me", (c) => {
    const token = schemeToken(c.req.header("authorization"), "Bearer");
    const found = token ? tokens.get(token) : undefined;
    if (!found) return fault(c, 401, "no_token", "send a live Bearer token", { "www-authenticate": 'Bearer realm="sandbox"' });
    return c.json({ client_id: found.clientId });
  });
  app.get("/jsonp", (c) => {
    const callbacks = new URL(c.req.url).searchParams.getAll("cb");
    const callback = callbacks[0] ?? "";
    if (callbacks.length !== 1 || (!flaws.anyCallback && !CALLBACK.test(callback)) || callback.length > 64) return fault(c, 400, "bad_callback", "cb must be one identifier");
    return c.body(`${callback}(${JSON.stringify({ hello: "world" })})`, 200, { "content-type": "application/javascript", "x-content-type-options": "nosniff" });
  });
  app.all("*", (c) => (flaws.strayEnvelope ? c.json({ error: "not_found" }, 404) : fault(c, 404, "not_found", "no such endpoint")));
  return {
    routes: app,
    serverError: (c: Context) => c.json({ fault: "bug", detail: "the sandbox failed" }, 500),
    fixtures: () => ({ clients: [{ ...APP }], users: [] }),
    reset: () => {
      codes.clear();
      tokens.clear();
    },
  };
}

const code = async (client: ProbeClient) =>
  new URL((await client.get(`/authorize?client_id=${APP.client_id}&redirect_uri=${APP.redirect_uris[0]}`)).headers.get("location") ?? "http://x").searchParams.get("code") ?? "";
const exchange = (client: ProbeClient, value: string) => client.postForm("/token", { code: value, client_id: APP.client_id, client_secret: APP.client_secret });

const probes: MockProbes = {
  fuzz: {
    paths: ["/hello", "/authorize", "/token", "/me", "/jsonp"],
    names: ["name", "client_id", "client_secret", "redirect_uri", "state", "code", "cb"],
    values: [APP.client_id, APP.client_secret, APP.redirect_uris[0]!, "myfun"],
    authorizations: ["Bearer x"],
    pages: /^\/(hello|authorize)$/,
    answers: [z.object({ access_token: z.string() }), z.object({ client_id: z.string() }), z.object({ hello: z.string() })],
    async seed(client) {
      return { authorizations: [`Bearer ${answerField(await (await exchange(client, await code(client))).json(), "access_token")}`] };
    },
  },
  pages: [
    { name: "greeting", status: 200, open: (client, v) => client.get(`/hello?name=${encodeURIComponent(v)}`) },
    { name: "refusal", status: 400, open: (client, v) => client.get(`/authorize?client_id=${encodeURIComponent(v)}`) },
  ],
  redirects: [{ name: "authorize", clientId: APP.client_id, attempt: (client, uri, state) => client.get(`/authorize?${new URLSearchParams({ client_id: APP.client_id, redirect_uri: uri, state })}`) }],
  jsonp: [{ path: "/jsonp", callbackParam: "cb", callback: CALLBACK, callbackMaxLength: 64, params: {} }],
  bodyCap: [{ path: "/token", contentType: "application/x-www-form-urlencoded" }],
  replay: { code, exchange, use: async (client, issued) => (await client.get("/me", { Authorization: `Bearer ${answerField(issued, "access_token")}` })).status === 200 },
};

const sandboxEntry = (flaws: Flaws = {}): MockEntry => ({ contract: sandboxContract(), create: (env) => createSandbox(env, flaws), probes });

const sandbox = sandboxEntry();
describeFuzz([sandbox], { runs: () => 500, workspaceShare: 0.25, seed: 42, minRequests: 500 });
describeSecurity([sandbox]);
describeContracts([sandbox]);

/** The failure a check reports (with its cause, where fast-check wraps it), or "" when it passed. */
async function failureOf(check: Promise<void>): Promise<string> {
  try {
    await check;
    return "";
  } catch (err) {
    const cause = err instanceof Error && err.cause ? String(err.cause) : "";
    return `${String(err)} ${cause}`;
  }
}

async function fuzzed(entry: MockEntry): Promise<void> {
  const target = entryTarget(entry);
  await fuzzTarget(await fuzzWorld(createMockApp({ entries: [entry] }), [target]), target, { runs: 500, seed: 42 });
}

describe("the suites catch a provider that gets it wrong", () => {
  it("the sandbox itself is mounted next to nothing else, at its meta's mock base", async () => {
    const res = await createMockApp({ entries: [sandbox] }).app.request("http://localhost:4173/mock/sandbox/hello?name=x");
    expect(res.status).toBe(200);
  });

  it("fuzz: a parameter map that inherits answers 500 to a prototype-named key", async () => {
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(await failureOf(fuzzed(sandboxEntry({ inheritedParams: true })))).toMatch(/5xx answer/);
      expect(String(quiet.mock.calls[0]?.[0])).toMatch(/push is not a function/);
    } finally {
      quiet.mockRestore();
    }
  });

  it("fuzz: an error outside the provider's own envelope", async () => {
    expect(await failureOf(fuzzed(sandboxEntry({ strayEnvelope: true })))).toMatch(/error outside the provider's envelopes/);
  });

  it("security: an unescaped page", async () => {
    const broken = sandboxEntry({ rawPage: true });
    expect(await failureOf(checkPagesEscape([broken], broken, XSS_PAYLOADS[0]!))).toMatch(/greeting/);
  });

  it("security: a redirect to a URI that only starts like a registered one", async () => {
    const broken = sandboxEntry({ prefixRedirects: true });
    expect(await failureOf(checkRedirects([broken], broken))).toMatch(/sandbox\.example\/cb\//);
  });

  it("security: a replay that leaves the token alive", async () => {
    const broken = sandboxEntry({ keepsReplayedTokens: true });
    expect(await failureOf(checkReplay([broken], broken))).toMatch(/token the code issued is revoked/);
  });

  it("security: a JSONP endpoint that calls any callback", async () => {
    const broken = sandboxEntry({ anyCallback: true });
    expect(await failureOf(checkJsonp([broken], broken))).not.toBe("");
  });
});
