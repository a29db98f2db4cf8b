import { ExpiringStore } from "../../../../server/kit/expiring-store.ts";
import type { ProviderEnv } from "../../../../server/kit/provider.ts";
import type { CodeRecord } from "../../../../server/kit/single-use-codes.ts";
import { PPMESSAGE_USERS, ppmessageClients, type PpmessageClient, type PpmessageUser } from "./fixtures.ts";

/** A validated GET /ppauth/auth request, carried through the 应用授权 page. */
export interface AuthorizationRequest {
  clientId: string;
  redirectUri: string;
  state: string | undefined;
}

/** What a signed-in 应用授权 grants: its code redeems it once. */
export interface CodeGrant {
  request: AuthorizationRequest;
  userUuid: string;
}

export interface AccessToken {
  clientId: string;
  apiUuid: string;
  userUuid: string;
  expiresAtMs: number;
}

export function createPpmessageState(env: ProviderEnv) {
  return {
    clients: new Map<string, PpmessageClient>(ppmessageClients(env.callbackUrls).map((c) => [c.client_id, c])),
    users: new Map<string, PpmessageUser>(PPMESSAGE_USERS.map((u) => [u.email, u])),
    // Consumed codes are kept (until they expire) so a replay can be detected and punished.
    codes: new ExpiringStore<CodeRecord<CodeGrant>>(env.clock, 10_000),
    accessTokens: new ExpiringStore<AccessToken>(env.clock, 20_000),
  };
}

export type PpmessageState = ReturnType<typeof createPpmessageState>;
