import { Hono, type Context } from "hono";
import { callbackPath, mockBase, workspaceBase, type WorkspaceId } from "../src/core/workspace/paths.ts";
import { controlRoutes } from "./control.ts";
import { createClock } from "./kit/clock.ts";
import type { MockEntry, MockEnv, MountedProvider } from "./kit/provider.ts";
import { createRandom } from "./kit/random.ts";
import type { LiveHost } from "./live/live-hosts.ts";
import type { LiveTargets } from "./live/live-targets.ts";
import { createLive } from "./live/live-world.ts";
import type { InFlightLimit } from "./live/relay.ts";
import { recordTraffic } from "./recorder.ts";
import type { TrafficBudget } from "./traffic-budget.ts";
import { TrafficLog } from "./traffic-log.ts";

/** What every world of one app is built from. */
export interface WorldSettings {
  entries: readonly MockEntry[];
  /** Origins the SPA is served from: `<origin><callbackPath(id)>` is registered with every redirecting client. */
  origins: readonly string[];
  providerSettings?: Record<string, Record<string, unknown>>;
  recordTraffic: boolean;
  /** The app's one byte budget, which every world's traffic log joins. */
  budget: TrafficBudget;
  /** Control routes served in every world besides its own (the workspace registry's). */
  sharedControl?: Hono;
  /** Hosts besides loopback a live target may be on (LIVE_HOSTS). */
  liveHosts: readonly LiveHost[];
  /** The app's one bound on relayed requests waiting for real servers, shared by every world. */
  liveInFlight: InFlightLimit;
  /** How long a relay waits for a real server (10 s unless a test shortens it). */
  liveTimeoutMs?: number;
}

/**
 * One isolated mock world: every provider's state, the virtual clock, the seed and the
 * traffic log. The default workspace is one, each created workspace another; nothing of
 * one is reachable from another, since each builds its own from the entries.
 */
export interface World {
  readonly id: WorkspaceId;
  /** Its path prefix: "" for the default, "/w/<id>" otherwise. */
  readonly base: string;
  readonly env: MockEnv;
  readonly log: TrafficLog;
  readonly providers: MountedProvider[];
  /** Its routes below `<base>/mock`: /_control and every provider at /<id>. */
  readonly mock: Hono;
  /** Its live relay below `<base>/live`: `/<provider>/<documented path>` to the provider's target. */
  readonly live: Hono;
  /** Its live targets (a real server per provider, or none). */
  readonly targets: LiveTargets;
  /** The world on its own, for requests under its prefix: routes at `<base>/mock/...` and `<base>/live/...`. */
  readonly app: Hono;
  /** A handler's throw (a playground bug), answered in the provider's envelope when the path is one of its providers'. */
  serverError(err: unknown, c: Context): Response;
  /** Its log leaves the budget and its traffic streams end; the world is not used again. */
  close(): void;
}

export function createWorld(id: WorkspaceId, settings: WorldSettings): World {
  const base = workspaceBase(id);
  const env: MockEnv = { clock: createClock(), random: createRandom(), callbackUrls: settings.origins.map((o) => `${o}${callbackPath(id)}`) };
  const log = new TrafficLog({ budget: settings.budget });
  const providers = settings.entries.map(({ contract, create }) => {
    const tunables = settings.providerSettings?.[contract.id];
    return { id: contract.id, ...create({ ...env, mountPath: mockBase(id, contract.id), ...(tunables ? { settings: tunables } : {}) }) };
  });

  const live = createLive({
    workspaceBase: base,
    providers: providers.map((p) => p.id),
    log,
    clock: env.clock,
    record: settings.recordTraffic,
    liveHosts: settings.liveHosts,
    relay: { inFlight: settings.liveInFlight, ...(settings.liveTimeoutMs ? { timeoutMs: settings.liveTimeoutMs } : {}) },
  });

  const mock = new Hono();
  // Before the control API, whose catch-all would answer first.
  mock.route("/_control/targets", live.targetRoutes);
  mock.route("/_control", controlRoutes({ env, providers, log }, settings.sharedControl));
  for (const provider of providers) {
    if (settings.recordTraffic) mock.use(`/${provider.id}/*`, recordTraffic(log, env.clock, provider.id, provider.sessionCookies));
    mock.route(`/${provider.id}`, provider.routes);
  }
  // A catch-all route, not notFound(): a sub-app's notFound handler is ignored once it is mounted with route().
  mock.all("*", (c) => c.json({ error: "not_found", error_description: `no mock provider serves ${c.req.path}` }, 404));

  const serverError = (err: unknown, c: Context): Response => {
    // A client that went away mid-upload is no bug: nobody is left to answer (nginx's 499), and the recorder marks it.
    if (c.req.raw.signal.aborted) return new Response(null, { status: 499 });
    console.error(err);
    const path = c.req.path;
    const provider = providers.find((p) => {
      const mount = mockBase(id, p.id);
      return path === mount || path.startsWith(`${mount}/`);
    });
    return provider ? provider.serverError(c) : c.json({ error: "server_error", error_description: "the mock failed unexpectedly; this is a playground bug" }, 500);
  };

  const app = new Hono();
  app.route(`${base}/mock`, mock);
  app.route(`${base}/live`, live.relay);
  app.notFound((c) => c.json({ error: "not_found", error_description: `nothing is served at ${c.req.path}` }, 404));
  app.onError(serverError);

  return {
    id,
    base,
    env,
    log,
    providers,
    mock,
    live: live.relay,
    targets: live.targets,
    app,
    serverError,
    close: () => log.close(),
  };
}
