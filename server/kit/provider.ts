import type { Hono } from "hono";
import type { Clock } from "./clock.ts";
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
  id: string;
  routes: Hono;
  fixtures(): ProviderFixtures;
  /** Back to the fixtures: forget codes, tokens, sessions, counters. */
  reset(): void;
}

export type MockProviderFactory = (env: ProviderEnv) => MockProvider;
