import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { challenge, clientChallenge, type ClientAuthMethod } from "../../../../server/kit/challenge.ts";
import { NO_STORE, type HeaderRecord } from "../../../../server/kit/http.ts";

/** Spring Security OAuth2's error JSON: `{"error": "...", "error_description": "..."}`. */
export function springError(c: Context, status: ContentfulStatusCode, error: string, description: string, headers?: HeaderRecord): Response {
  // A 401 without its own challenge is about a token (Spring's DefaultWebResponseExceptionTranslator).
  const bearer = status === 401 && !headers?.["www-authenticate"] ? { "www-authenticate": challenge("Bearer", { realm: "oauth", error, error_description: description }) } : undefined;
  return c.json({ error, error_description: description }, status, { ...NO_STORE, ...bearer, ...headers });
}

/** A failed client authentication at /oauth/token, challenged in the scheme the client used. */
export function clientAuthError(c: Context, method: ClientAuthMethod, error: string, description: string): Response {
  return springError(c, 401, error, description, { "www-authenticate": clientChallenge(method, "oauth2/client", error, description) });
}

export const tooLarge = (c: Context) => springError(c, 413, "invalid_request", "Request body too large (limit 64 KB)");
