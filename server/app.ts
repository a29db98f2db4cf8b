import { Hono } from "hono";
import { controlRoutes } from "./control.ts";
import { hostGuard, hostRules } from "./host-guard.ts";
import { createClock } from "./kit/clock.ts";
import type { MockEntry, MockEnv } from "./kit/provider.ts";
import type { LiveHost } from "./live/live-hosts.ts";
import { createLive } from "./live/live-world.ts";
import { InFlightLimit } from "./live/relay.ts";
import { createRandom } from "./kit/random.ts";
import { mockEntries } from "./providers.ts";
import { recordTraffic } from "./recorder.ts";
import { TrafficBudget } from "./traffic-budget.ts";
import { TrafficLog } from "./traffic-log.ts";

export interface PlaygroundOptions {
  /** Origins the SPA is served from; `<origin>/callback` is registered with every redirecting client. */
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
  /** Hosts besides loopback a live target may be on (LIVE_HOSTS, parsed by parseLiveHosts). */
  liveHosts?: LiveHost[];
  /** How long the live relay waits for a real server (10 s by default; tests shorten it). */
  liveTimeoutMs?: number;
}

export const DEFAULT_ORIGINS = ["http://localhost:4173", "http://127.0.0.1:4173", "http://localhost:5173", "http://127.0.0.1:5173"];

/** The whole mock: /mock/_control plus every provider at /mock/<id>, traffic recorded. */
export function createMockApp(options: PlaygroundOptions = {}) {
  const origins = [...new Set([...(options.origins ?? []), ...DEFAULT_ORIGINS])];
  const env: MockEnv = {
    clock: createClock(),
    random: createRandom(),
    callbackUrls: origins.map((o) => `${o}/callback`),
  };
  const hosts = hostRules(options.allowedHosts);
  // One budget for all of the app's traffic logs (each workspace will have one).
  const trafficBudget = new TrafficBudget();
  // One bound for all of the app's live relays (each workspace will have one).
  const liveInFlight = new InFlightLimit();
  const log = new TrafficLog({ budget: trafficBudget });
  const providers = (options.entries ?? mockEntries).map(({ contract, create }) => {
    const settings = options.providerSettings?.[contract.id];
    return { id: contract.id, ...create({ ...env, mountPath: contract.mockBase, ...(settings ? { settings } : {}) }) };
  });

  const mock = new Hono();
  // Live targets (server/live): the default workspace's; each workspace's world mounts its own the same way.
  const live = createLive({
    ...{ workspaceBase: "", providers: providers.map((p) => p.id), log, clock: env.clock, record: options.recordTraffic !== false },
    liveHosts: options.liveHosts ?? [],
    relay: { inFlight: liveInFlight, ...(options.liveTimeoutMs ? { timeoutMs: options.liveTimeoutMs } : {}) },
  });
  mock.route("/_control/targets", live.targetRoutes);
  mock.route("/_control", controlRoutes(env, providers, log));
  for (const provider of providers) {
    if (options.recordTraffic !== false) mock.use(`/${provider.id}/*`, recordTraffic(log, env.clock, provider.id, provider.sessionCookies));
    mock.route(`/${provider.id}`, provider.routes);
  }
  // A catch-all route, not notFound(): a sub-app's notFound handler is ignored once it is mounted with route().
  mock.all("*", (c) => c.json({ error: "not_found", error_description: `no mock provider serves ${c.req.path}` }, 404));

  const app = new Hono();
  // First of all, for everything the process serves (npm start adds the SPA's files after it).
  app.use("*", hostGuard(hosts));
  app.route("/mock", mock);
  app.route("/live", live.relay);
  // Last line of defence: a bug must still answer as JSON (in the provider's envelope), never as a stack trace.
  app.onError((err, c) => {
    // A client that went away mid-upload is no bug: nobody is left to answer (nginx's 499), and the recorder marks it.
    if (c.req.raw.signal.aborted) return new Response(null, { status: 499 });
    console.error(err);
    const path = c.req.path;
    const provider = providers.find((p) => path === `/mock/${p.id}` || path.startsWith(`/mock/${p.id}/`));
    return provider ? provider.serverError(c) : c.json({ error: "server_error", error_description: "the mock failed unexpectedly; this is a playground bug" }, 500);
  });
  return { app, env, log, providers, hosts, trafficBudget, liveTargets: live.targets };
}

export type MockApp = ReturnType<typeof createMockApp>;
