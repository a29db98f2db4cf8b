import type { Context } from "hono";
import { clientAuthMethod, type ClientAuthMethod } from "../../../../server/kit/challenge.ts";
import { basicCredentials, NO_STORE } from "../../../../server/kit/http.ts";
import type { ProviderEnv } from "../../../../server/kit/provider.ts";
import type { Params } from "../../../../server/kit/params.ts";
import { redeemCodeOnce, type TokenFamily } from "../../../../server/kit/single-use-codes.ts";
import { clientAuthError, springError } from "./errors.ts";
import { ACCESS_TOKEN_VALIDITY, REFRESH_TOKEN_VALIDITY, type SpringClient } from "./fixtures.ts";
import type { SpringState } from "./state.ts";

// Spring's tokens in the document look like 20 random bytes, base64url: 27 characters.
const newToken = (env: ProviderEnv) => env.random.base64url(20);

/** Spring truncates the remaining milliseconds, so a fresh 12 h token reports 43199. */
const expiresIn = (env: ProviderEnv, expiresAtMs: number) => Math.max(0, Math.floor((expiresAtMs - env.clock.nowMs() - 1) / 1000));

/** An authenticated client, and how it authenticated (a later refusal is challenged the same way). */
export interface AuthenticatedClient {
  client: SpringClient;
  method: ClientAuthMethod;
}

type ClientCheck = ({ ok: true } & AuthenticatedClient) | { ok: false; response: Response };

/** HTTP Basic first (Spring's BasicAuthenticationFilter), then client_id/client_secret in the parameters. */
export function authenticateClient(c: Context, state: SpringState, params: Params): ClientCheck {
  const authorization = c.req.header("authorization");
  const method = clientAuthMethod(authorization, params.get("client_id") !== undefined);
  const fail = (error: string, description: string): ClientCheck => ({ ok: false, response: clientAuthError(c, method, error, description) });
  const basic = basicCredentials(authorization);
  if (basic === null) return fail("invalid_client", "Bad client credentials");
  const id = basic?.id ?? params.get("client_id");
  const secret = basic ? basic.secret : params.get("client_secret");
  if (!id) return fail("unauthorized", "Full authentication is required to access this resource");
  const client = state.clients.get(id);
  if (!client || secret !== client.client_secret) return fail("invalid_client", "Bad client credentials");
  const bodyId = params.get("client_id");
  if (basic && bodyId !== undefined && bodyId !== basic.id) return fail("invalid_client", "Given client ID does not match authenticated client");
  return { ok: true, client, method };
}

/** A new access token in the code's family; with a refresh token, the one it replaces is retired. */
function issue(env: ProviderEnv, state: SpringState, family: TokenFamily, client: SpringClient, user: string, scopes: string[], refreshToken?: string) {
  const accessToken = newToken(env);
  const expiresAtMs = env.clock.nowMs() + ACCESS_TOKEN_VALIDITY * 1000;
  family.issue(state.accessTokens, accessToken, { clientId: client.client_id, user, scopes, expiresAtMs }, expiresAtMs / 1000);
  const refresh = refreshToken ?? newToken(env);
  const record = refreshToken ? state.refreshTokens.get(refreshToken) : undefined;
  if (record) {
    family.retire(state.accessTokens, record.accessToken);
    record.accessToken = accessToken;
  } else {
    family.issue(state.refreshTokens, refresh, { clientId: client.client_id, user, scopes, accessToken, family }, env.clock.now() + REFRESH_TOKEN_VALIDITY);
  }
  return {
    access_token: accessToken,
    token_type: "bearer",
    refresh_token: refresh,
    expires_in: expiresIn(env, expiresAtMs),
    scope: scopes.join(" "),
  };
}

export function authorizationCodeGrant(c: Context, env: ProviderEnv, state: SpringState, { client, method }: AuthenticatedClient, params: Params): Response {
  const code = params.get("code");
  if (!code) return springError(c, 400, "invalid_request", "An authorization code must be supplied.");
  // Spring consumes the code before checking anything else.
  const redeemed = redeemCodeOnce(state.codes, code);
  if (!redeemed.ok) return springError(c, 400, "invalid_grant", `Invalid authorization code: ${code}`);
  const { grant, family } = redeemed;
  if (grant.request.clientId !== client.client_id) return clientAuthError(c, method, "invalid_client", "Client ID mismatch");
  const redirectUri = params.get("redirect_uri");
  if (grant.request.redirectUri !== undefined && redirectUri !== grant.request.redirectUri) {
    return springError(c, 400, "redirect_uri_mismatch", "Redirect URI mismatch.");
  }
  return c.json(issue(env, state, family, client, grant.user, grant.request.scopes), 200, NO_STORE);
}

export function refreshTokenGrant(c: Context, env: ProviderEnv, state: SpringState, client: SpringClient, params: Params): Response {
  const token = params.get("refresh_token");
  if (!token) return springError(c, 400, "invalid_request", "A refresh token must be supplied.");
  const lookup = state.refreshTokens.lookup(token);
  if (!lookup) return springError(c, 400, "invalid_grant", `Invalid refresh token: ${token}`);
  if (lookup.expired) return springError(c, 401, "invalid_token", `Invalid refresh token (expired): ${token}`);
  if (lookup.value.clientId !== client.client_id) return springError(c, 400, "invalid_grant", `Wrong client for this refresh token: ${token}`);
  return c.json(issue(env, state, lookup.value.family, client, lookup.value.user, lookup.value.scopes, token), 200, NO_STORE);
}

export { expiresIn };
