import { ExpiringStore } from "../../../../server/kit/expiring-store.ts";
import type { ProviderEnv } from "../../../../server/kit/provider.ts";
import { PIGAI_CLIENTS, type PigaiClient } from "./fixtures.ts";

export interface AccessToken {
  clientId: string;
  /** Which of the document's two methods issued it. */
  method: "jsonp" | "client_credentials";
  expiresAtMs: number;
}

export function createPigaiState(env: ProviderEnv) {
  return {
    clients: new Map<string, PigaiClient>(PIGAI_CLIENTS.map((c) => [c.client_id, { ...c }])),
    accessTokens: new ExpiringStore<AccessToken>(env.clock, 20_000),
  };
}

export type PigaiState = ReturnType<typeof createPigaiState>;
