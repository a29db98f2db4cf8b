import type { Context, Hono } from "hono";
import type { ProviderContract } from "../../src/core/provider/contract.ts";
import type { Clock } from "./clock.ts";
import type { MockProbes } from "./probes.ts";
import type { Random } from "./random.ts";

/** What every mock provider is given: time, randomness, and where it lives. */
export interface MockEnv {
  clock: Clock;
  random: Random;
  /** The playground's own callback URLs, registered with every client that redirects. */
  callbackUrls: string[];
}

export interface ProviderEnv extends MockEnv {
  /** Where the provider is mounted, e.g. "/mock/spring": its documented base maps here. */
  mountPath: string;
  /**
   * Overrides of the provider's tunables (the `settings` shown in /fixtures), e.g. the
   * bench lifting Easemob's rate limit. Absent in normal use; unknown names are ignored.
   */
  settings?: Record<string, unknown>;
}

/** Shape of GET /mock/_control/fixtures for one provider. */
export interface ProviderFixtures {
  clients: Record<string, unknown>[];
  users: Record<string, unknown>[];
  /** Tunables a support person may want to see (ban length, default ttl, …). */
  settings?: Record<string, unknown>;
}

export interface MockProvider {
  routes: Hono;
  fixtures(): ProviderFixtures;
  /** Back to the fixtures: forget codes, tokens, sessions, counters. */
  reset(): void;
  /**
   * The answer when a handler throws (a playground bug), in the provider's own envelope.
   * The app's one onError calls it: a sub-app with its own onError would have Hono wrap
   * every one of its handlers in an extra compose on every request.
   */
  serverError(c: Context): Response;
  /** Names of the cookies it sets: the traffic log keeps these and drops other sites' cookies. */
  sessionCookies?: readonly string[];
}

/** A provider as the app mounts it: its mock plus the id its meta gives. */
export interface MountedProvider extends MockProvider {
  id: string;
}

export type MockProviderFactory = (env: ProviderEnv) => MockProvider;

/** A provider's server half, as server/providers.ts lists it: one object per provider. */
export interface MockEntry {
  /** The browser-safe contract both halves share: meta (the mount path derives from its id), schemas, quirks. */
  contract: ProviderContract;
  create: MockProviderFactory;
  /** How the cross-provider suites (fuzz, security) reach into this mock: paths, names, pages, redirects, replay. */
  probes: MockProbes;
}
