/**
 * Property-based fuzzing of mounted targets through app.request(), driven by each mock
 * entry's hints (`probes.fuzz`) and checked against its contract's schemas.
 *
 * Invariants checked on every answer:
 * - never a 5xx, never an unhandled rejection; every 401 carries a challenge;
 * - every error (4xx) is in one of the provider's own envelopes (its contract's error schemas),
 *   or an HTML page with CSP and X-Frame-Options where the provider renders pages;
 * - every 2xx JSON answer is one of the provider's documented answers (its hints' schemas) or
 *   one of its error envelopes (some providers answer errors with 200);
 * - JSONP answers call an accepted callback with nosniff, around one of those answers;
 * - a redirect goes back into the mock (and lands on something it serves) or to a URI
 *   registered exactly, never elsewhere.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z, type ZodType } from "zod";
import { createMockApp, type MockApp } from "../app.ts";
import { cookieOf, probeClient, type FuzzHints, type FuzzSeeds, type JsonpProbe } from "../kit/probes.ts";
import type { MockEntry } from "../kit/provider.ts";
import { requestOf, vocabulary, type FuzzRequest } from "./fuzz-requests.ts";
import { jsonpCall } from "./jsonp.ts";

const ORIGIN = "http://localhost:4173";
/** Seeds are fetched again after this many requests: the fuzzer spends them (codes, sessions). */
const RESEED_EVERY = 250;

/** Something the fuzzer aims at: a provider (from its mock entry) or the control API, in one workspace. */
export interface FuzzTarget {
  id: string;
  /** The prefix of its workspace: "" for the default, "/w/<id>" for a created one. */
  prefix: string;
  /** Where it is mounted, prefix included, e.g. "/mock/spring" or "/w/<id>/mock/spring". */
  base: string;
  hints: FuzzHints;
  /** Every error answer is in one of these envelopes. */
  errors: ZodType[];
  jsonp: JsonpProbe[];
}

export const entryTarget = ({ contract, probes }: MockEntry, prefix = ""): FuzzTarget => ({
  id: contract.id,
  prefix,
  base: `${prefix}${contract.mockBase}`,
  hints: probes.fuzz,
  errors: contract.schemas.errors,
  jsonp: probes.jsonp,
});

/** The app's own answer under a workspace's /mock for a provider it does not have. */
const UNKNOWN_PROVIDER: FuzzTarget = { id: "unknown", prefix: "", base: "/mock", hints: { paths: [], names: [], values: [], authorizations: [], answers: [] }, errors: [z.object({ error: z.string(), error_description: z.string() })], jsonp: [] };

/** One app under fuzz: its targets, their registered redirect URIs (by target base), and the requests sent so far. */
export interface FuzzWorld {
  mock: MockApp;
  targets: FuzzTarget[];
  redirects: Record<string, string[]>;
  requests: number;
  /** Answers other than 404, by target base: a target that only ever got 404s was never reached. */
  found: Record<string, number>;
}

type Fixtures = Record<string, { clients: Array<{ redirect_uris?: string[] }> } | undefined>;

export async function fuzzWorld(mock: MockApp, targets: FuzzTarget[]): Promise<FuzzWorld> {
  const redirects: Record<string, string[]> = {};
  for (const target of targets) {
    // Each workspace registers its own callback: a target's URIs are its own workspace's.
    const fixtures = (await (await mock.app.request(`${ORIGIN}${target.prefix}/mock/_control/fixtures`)).json()) as Fixtures;
    redirects[target.base] = fixtures[target.id]?.clients.flatMap((c) => c.redirect_uris ?? []) ?? [];
  }
  return { mock, targets, redirects, requests: 0, found: {} };
}

/** Which target a URL reaches once dot-segments are resolved, and the path below its base. */
function landedOn(world: FuzzWorld, url: string): { target: FuzzTarget; sub: string } | undefined {
  let path = new URL(url).pathname;
  try {
    path = decodeURI(path);
  } catch {
    // Hono keeps undecodable paths as they are.
  }
  const bases = [...world.targets].sort((a, b) => b.base.length - a.base.length);
  const target = bases.find((t) => path === t.base || path.startsWith(`${t.base}/`));
  if (target) return { target, sub: path.slice(target.base.length) };
  return world.targets.some((t) => path.startsWith(`${t.prefix}/mock/`)) ? { target: UNKNOWN_PROVIDER, sub: path } : undefined;
}

const matchesAny = (schemas: ZodType[], body: unknown) => schemas.some((schema) => schema.safeParse(body).success);

function describeRequest(url: string, init: RequestInit): string {
  const body = init.body instanceof Uint8Array ? `<${init.body.byteLength} bytes>` : typeof init.body === "string" ? JSON.stringify(init.body.slice(0, 300)) : "";
  return `${init.method} ${url.slice(0, 300)} headers=${JSON.stringify(init.headers).slice(0, 300)} body=${body}`;
}

async function send(world: FuzzWorld, target: FuzzTarget, req: FuzzRequest): Promise<void> {
  const url = `${ORIGIN}${target.base}${req.path}${req.query ? `?${req.query}` : ""}`;
  const upper = req.method.toUpperCase();
  const init: RequestInit = { method: req.method, headers: req.headers };
  if (req.body !== undefined && upper !== "GET" && upper !== "HEAD") init.body = req.body;
  let res: Response;
  try {
    res = await world.mock.app.request(url, init);
  } catch (err) {
    throw new Error(`app.request threw for ${describeRequest(url, init)}: ${String(err)}`);
  }
  world.requests++;
  if (res.status !== 404) world.found[target.base] = (world.found[target.base] ?? 0) + 1;
  const fail = (why: string, body?: string): never => {
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
  const landed = landedOn(world, url);
  if (!landed) return; // dot-segments took the request out of /mock: not ours
  const { target: at, sub } = landed;
  if (res.status === 401 && !res.headers.get("www-authenticate")) fail("401 without a WWW-Authenticate challenge", text);

  if (res.status >= 300 && res.status < 400) return followRedirect(world, at, req, res, url, fail);

  if (type.startsWith("text/html")) {
    if (!res.headers.get("content-security-policy") || res.headers.get("x-frame-options") !== "DENY") fail("HTML page without CSP / X-Frame-Options", text);
    if (res.status >= 400 && !(at.hints.pages?.test(sub) ?? false)) fail("HTML error page where the provider answers JSON", text);
    return;
  }

  const isHead = upper === "HEAD";
  const jsonp = at.jsonp.find((probe) => probe.path === sub);
  if (jsonp && res.status === 200) {
    if (!type.startsWith("application/javascript")) fail("JSONP with a non-JavaScript content type", text);
    if (res.headers.get("x-content-type-options") !== "nosniff") fail("JSONP without nosniff", text);
    if (isHead) return;
    const call = jsonpCall(text);
    if (!call || !jsonp.callback.test(call.callback) || call.callback.length > jsonp.callbackMaxLength) return fail("JSONP answer not of the form callback(json)", text);
    if (!matchesAny([...at.hints.answers, ...at.errors], call.argument)) fail("JSONP payload is neither a documented answer nor an error envelope", text);
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
  if (res.status >= 400 && !matchesAny(at.errors, body)) fail("error outside the provider's envelopes", text);
  if (res.status < 300 && !matchesAny([...at.hints.answers, ...at.errors], body)) fail("2xx answer that is neither a documented answer nor an error envelope", text);
}

async function followRedirect(world: FuzzWorld, at: FuzzTarget, req: FuzzRequest, res: Response, url: string, fail: (why: string, body?: string) => never): Promise<void> {
  const location = res.headers.get("location") ?? fail("redirect without Location");
  const into = new URL(location, url);
  const ownMock = into.origin === ORIGIN && into.pathname.startsWith(`${at.base}/`);
  if (!ownMock) {
    if (!(world.redirects[at.base] ?? []).includes(location.split("?")[0]!)) fail(`redirect to an unregistered URI ${location}`);
    return;
  }
  // A redirect inside the mock must land on something the mock serves.
  const cookie = cookieOf(res) || (req.headers.find(([name]) => name === "cookie")?.[1] ?? "");
  const next = await world.mock.app.request(into.href, { headers: cookie ? { cookie } : {} });
  world.requests++;
  if (next.status === 404 || next.status >= 500) fail(`redirect to ${location} lands on ${next.status}`, await next.text());
  await next.body?.cancel();
}

/** Seeds of every round so far, merged: a provider may refuse new ones (a ban), the old ones still serve. */
const mergeSeeds = (a: FuzzSeeds, b: FuzzSeeds): FuzzSeeds => ({
  authorizations: [...(a.authorizations ?? []), ...(b.authorizations ?? [])],
  values: [...(a.values ?? []), ...(b.values ?? [])],
  cookie: b.cookie || a.cookie,
});

/** Sends `runs` generated requests to one target and checks every answer; throws on the first violation. */
export async function fuzzTarget(world: FuzzWorld, target: FuzzTarget, options: { runs: number; seed: number }): Promise<void> {
  const client = probeClient(world.mock.app, target.base, ORIGIN);
  let seeds: FuzzSeeds = {};
  for (let done = 0, round = 0; done < options.runs; round++) {
    const numRuns = Math.min(RESEED_EVERY, options.runs - done);
    if (target.hints.seed) seeds = mergeSeeds(seeds, await target.hints.seed(client));
    await fc.assert(
      fc.asyncProperty(requestOf(vocabulary(target.hints, seeds)), (req) => send(world, target, req)),
      { seed: options.seed + round, numRuns, endOnFailure: true },
    );
    done += numRuns;
  }
}

export interface FuzzSuiteOptions {
  /** Requests per target, before FUZZ_SCALE and before the workspace's share is taken. */
  runs: (target: FuzzTarget) => number;
  seed: number;
  /** Targets that are not providers (the control API), in the workspace with this prefix. */
  extraTargets?: (prefix: string) => FuzzTarget[];
  /** The share of each target's runs sent to its twin in a created workspace (/w/<id>/...). */
  workspaceShare: number;
  /** The suite fails below this many requests. */
  minRequests: number;
}

/**
 * The fuzz suite over the given providers' server halves, mounted in one app. FUZZ_SEED=<n>
 * varies the fixed seed, FUZZ_SCALE=<x> multiplies the runs.
 */
export function describeFuzz(entries: readonly MockEntry[], options: FuzzSuiteOptions): void {
  const envNumber = (name: string, fallback: number) => {
    const value = Number(process.env[name] || Number.NaN);
    return Number.isFinite(value) ? value : fallback;
  };
  const seed = Math.trunc(envNumber("FUZZ_SEED", options.seed));
  const scale = envNumber("FUZZ_SCALE", 1);
  const mock = createMockApp({ entries });
  const prefix = mock.workspaces.create("fuzz").world.base;
  const targetsIn = (at: string) => [...entries.map((entry) => entryTarget(entry, at)), ...(options.extraTargets?.(at) ?? [])];
  // The workspace's first: the default's control API creates workspaces, and enough of them would crowd the fuzzed one out.
  const targets = [...targetsIn(prefix), ...targetsIn("")];
  const runsOf = (target: FuzzTarget) => {
    const share = target.prefix === "" ? 1 - options.workspaceShare : options.workspaceShare;
    return Math.max(1, Math.round(options.runs(target) * share * scale));
  };
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  let world: FuzzWorld;

  describe(`fuzz: ${entries.map((e) => e.contract.id).join(", ")} answer in their own envelopes, never a 5xx, in the default workspace and a created one`, () => {
    beforeAll(async () => {
      process.on("unhandledRejection", onRejection);
      world = await fuzzWorld(mock, targets);
    });
    afterAll(() => {
      process.off("unhandledRejection", onRejection);
    });

    targets.forEach((target, index) => {
      const runs = runsOf(target);
      const where = target.prefix === "" ? "" : " in a workspace";
      it(`${target.id}${where}: ${runs} random requests`, { timeout: 120_000 }, () => fuzzTarget(world, target, { runs, seed: seed + index * 1_000 }));
    });

    it(`sent at least ${options.minRequests} requests, saw no unhandled rejection, and the mock is still healthy`, async () => {
      // Let the traffic recorder's background reads settle before looking for rejections.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(world.requests).toBeGreaterThanOrEqual(Math.min(options.minRequests, Math.round(options.minRequests * scale)));
      expect(rejections).toEqual([]);
      expect(targets.filter((t) => !world.found[t.base]).map((t) => t.base), "targets that answered nothing but 404").toEqual([]);
      const health = await world.mock.app.request(`${ORIGIN}/mock/_control/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ ok: true });
      // The traffic log stayed a ring buffer through it all.
      expect(world.mock.log.list().length).toBeLessThanOrEqual(world.mock.log.capacity);
    });
  });
}
