import { ExpiringStore } from "../../../../server/kit/expiring-store.ts";
import type { ProviderEnv } from "../../../../server/kit/provider.ts";
import { EASEMOB_APPS, EASEMOB_USERS } from "./fixtures.ts";

export interface AppToken {
  org_name: string;
  app_name: string;
  client_id: string;
}

/** Token requests of one client: timestamps (ms) inside the window, and a ban end if banned. */
export interface RateRecord {
  requestsMs: number[];
  bannedUntilMs: number | null;
}

export const appKey = (org: string, app: string) => `${org}#${app}`;

export function createEasemobState(env: ProviderEnv) {
  return {
    apps: new Map(EASEMOB_APPS.map((a) => [appKey(a.org_name, a.app_name), { ...a }])),
    users: EASEMOB_USERS.map((u) => ({ ...u })),
    tokens: new ExpiringStore<AppToken>(env.clock, 20_000),
    rates: new Map<string, RateRecord>(),
  };
}

export type EasemobState = ReturnType<typeof createEasemobState>;
