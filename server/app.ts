import { Hono } from "hono";
import { DEFAULT_WORKSPACE } from "../src/core/workspace/paths.ts";
import { hostGuard, hostRules } from "./host-guard.ts";
import type { LiveHost } from "./live/live-hosts.ts";
import { InFlightLimit } from "./live/relay.ts";
import type { MockEntry } from "./kit/provider.ts";
import { mockEntries } from "./providers.ts";
import { TrafficBudget } from "./traffic-budget.ts";
import { workspaceRoutes } from "./workspace-api.ts";
import { workspaceDispatch } from "./workspace-dispatch.ts";
import { Workspaces, type WorkspaceLimits } from "./workspaces.ts";
import { createWorld, type WorldSettings } from "./world.ts";

export interface PlaygroundOptions {
  /** Origins the SPA is served from; `<origin>/callback` (`<origin>/w/<id>/callback` in a workspace) is registered with every redirecting client. */
  origins?: string[];
  /** Other names the server answers to (ALLOWED_HOSTS): `host` on any port, or `host:port`. */
  allowedHosts?: string[];
  /**
   * Per-provider overrides of tunables, keyed by provider id (e.g. the bench passes
   * `{ easemob: { rate_limit_max_requests: null } }` to lift the token rate limit).
   * Not for normal use: the defaults are what the documents describe.
   */
  providerSettings?: Record<string, Record<string, unknown>>;
  /**
   * Record every exchange for the traffic panel (the default). Off only for the bench's
   * reference row, which shows what recording costs; the playground needs it on.
   */
  recordTraffic?: boolean;
  /** The providers' server halves to mount (the registry's by default; tests pass others). */
  entries?: readonly MockEntry[];
  /** Bounds of the created workspaces (how many, how long idle) and the real clock they are judged on. */
  workspaces?: WorkspaceLimits;
  /** Hosts besides loopback a live target may be on (LIVE_HOSTS, parsed by parseLiveHosts). */
  liveHosts?: LiveHost[];
  /** How long the live relay waits for a real server (10 s by default; tests shorten it). */
  liveTimeoutMs?: number;
}

export const DEFAULT_ORIGINS = ["http://localhost:4173", "http://127.0.0.1:4173", "http://localhost:5173", "http://127.0.0.1:5173"];

/**
 * The whole mock: the default workspace's world at /mock (its /_control and every provider,
 * traffic recorded), and each created workspace's world at /w/<id>/mock, behind one Host check.
 */
export function createMockApp(options: PlaygroundOptions = {}) {
  const origins = [...new Set([...(options.origins ?? []), ...DEFAULT_ORIGINS])];
  const hosts = hostRules(options.allowedHosts);
  // One budget for all of the app's traffic logs: the default workspace's and every created one's.
  const trafficBudget = new TrafficBudget();
  const settings: WorldSettings = {
    entries: options.entries ?? mockEntries,
    origins,
    recordTraffic: options.recordTraffic !== false,
    budget: trafficBudget,
    liveHosts: options.liveHosts ?? [],
    // One bound for every workspace's relay: a target pointing at the relay itself must not exhaust the process.
    liveInFlight: new InFlightLimit(),
    ...(options.liveTimeoutMs ? { liveTimeoutMs: options.liveTimeoutMs } : {}),
    ...(options.providerSettings ? { providerSettings: options.providerSettings } : {}),
  };
  const workspaces = new Workspaces((id) => createWorld(id, settings), options.workspaces);
  settings.sharedControl = workspaceRoutes(workspaces, () => defaultWorld.log);
  const defaultWorld = createWorld(DEFAULT_WORKSPACE, settings);

  const app = new Hono();
  // First of all, for everything the process serves (npm start adds the SPA's files after it).
  app.use("*", hostGuard(hosts));
  // The default world is mounted in the app's own router: its requests cost no more than before workspaces.
  app.route("/mock", defaultWorld.mock);
  app.route("/live", defaultWorld.live);
  app.use("/w/*", workspaceDispatch(workspaces));
  // What nothing serves (npm start's SPA takes every GET first) is still answered in JSON.
  app.notFound((c) => c.json({ error: "not_found", error_description: `nothing is served at ${c.req.method} ${c.req.path}` }, 404));
  // Last line of defence: a bug must still answer as JSON (in the provider's envelope), never as a stack trace.
  app.onError(defaultWorld.serverError);
  const { env, log, providers } = defaultWorld;
  return { app, env, log, providers, hosts, trafficBudget, workspaces, defaultWorld, liveTargets: defaultWorld.targets };
}

export type MockApp = ReturnType<typeof createMockApp>;
