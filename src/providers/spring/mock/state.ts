import { ExpiringStore } from "../../../../server/kit/expiring-store.ts";
import type { CodeRecord, TokenFamily } from "../../../../server/kit/single-use-codes.ts";
import type { ProviderEnv } from "../../../../server/kit/provider.ts";
import { SPRING_USERS, springClients, type SpringClient } from "./fixtures.ts";

export interface AuthorizationRequest {
  clientId: string;
  /** As sent; Spring only compares at the token endpoint when it was sent. */
  redirectUri: string | undefined;
  resolvedRedirectUri: string;
  scopes: string[];
  state: string | undefined;
}

export interface Session {
  user?: string;
  /** The authorize request to return to after login ("saved request"): a path after the mount, with its query. */
  savedRequest?: string;
  authorizationRequest?: AuthorizationRequest;
}

/** What an approved authorization request grants: its code redeems it once. */
export interface CodeGrant {
  request: AuthorizationRequest;
  user: string;
}

export interface AccessToken {
  clientId: string;
  user: string;
  scopes: string[];
  expiresAtMs: number;
}

export interface RefreshToken {
  clientId: string;
  user: string;
  scopes: string[];
  /** The access token it last issued: a refresh retires it. */
  accessToken: string;
  /** The tokens of the code it came from, which a refresh adds to. */
  family: TokenFamily;
}

export const SESSION_IDLE_SECONDS = 30 * 60;

export function createSpringState(env: ProviderEnv) {
  return {
    clients: new Map<string, SpringClient>(springClients(env.callbackUrls).map((c) => [c.client_id, c])),
    users: new Map(SPRING_USERS.map((u) => [u.username, u])),
    sessions: new ExpiringStore<Session>(env.clock, 5_000),
    // Consumed codes are kept (until they expire) so a replay can be detected and punished.
    codes: new ExpiringStore<CodeRecord<CodeGrant>>(env.clock, 10_000),
    accessTokens: new ExpiringStore<AccessToken>(env.clock, 20_000),
    refreshTokens: new ExpiringStore<RefreshToken>(env.clock, 20_000),
  };
}

export type SpringState = ReturnType<typeof createSpringState>;
