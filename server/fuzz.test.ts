/**
 * Fuzzing of every registered provider and the control API: 10,000+ generated requests per run,
 * each answer checked against the provider's contract (see suites/fuzz.ts for the invariants);
 * a quarter of each target's requests go to its twin in a created workspace (/w/<id>/...).
 * The seed is fixed (reproducible in CI); FUZZ_SEED=<n> varies it, FUZZ_SCALE=<x> multiplies the
 * number of runs (e.g. FUZZ_SCALE=10 for a long local session).
 */
import { z } from "zod";
import { mockEntries } from "./providers.ts";
import { describeFuzz, type FuzzTarget } from "./suites/fuzz.ts";

/** The control API is not a provider: its own tests check what it answers; here, only that it never fails. */
const control = (prefix: string): FuzzTarget => ({
  id: "_control",
  prefix,
  base: `${prefix}/mock/_control`,
  hints: {
    // /traffic/stream is an endless SSE answer: the checker reads its first chunk and cancels it.
    paths: ["/health", "/fixtures", "/reset", "/clock", "/clock/advance", "/seed", "/traffic", "/traffic/stream", "/workspaces", "/workspaces/AAAAAAAAAAAAAAAA", "/workspaces/default", "/targets", "/targets/spring", "/targets/nope", "/nope"],
    names: ["seconds", "seed", "name", "base"],
    values: ["600", "-600", "1e309", "42", "null", "Ticket 4711", "<script>", "x".repeat(81), "http://localhost:8090", "http://2130706433", "http://localhost@evil.example"],
    authorizations: [],
    answers: [z.unknown()],
  },
  errors: [z.object({ error: z.string() })],
  jsonp: [],
});

/**
 * The live relay with no target set (run before the control API's fuzzing, which may set
 * one): whatever arrives, a JSON refusal (404, 409, 403, 413), never a 5xx, never relayed.
 */
const live = (prefix: string): FuzzTarget => ({
  id: "_live",
  prefix,
  base: `${prefix}/live`,
  hints: { paths: ["/spring/oauth/token", "/spring", "/pigai/oauth2/access_token", "/nope/x", ""], names: ["grant_type", "code"], values: ["authorization_code", "W636oE"], authorizations: [], answers: [] },
  errors: [z.object({ error: z.string(), error_description: z.string() })],
  jsonp: [],
});

describeFuzz(mockEntries, {
  runs: (target) => (target.id === "_control" || target.id === "_live" ? 600 : 2_000),
  workspaceShare: 0.25,
  seed: 20_240_607,
  extraTargets: (prefix) => [live(prefix), control(prefix)],
  minRequests: 10_000,
});
