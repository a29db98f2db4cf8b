import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { challenge, clientChallenge } from "../../../../server/kit/challenge.ts";
import type { HeaderRecord } from "../../../../server/kit/http.ts";
import type { ProviderEnv } from "../../../../server/kit/provider.ts";

/**
 * Easemob's REST error JSON (Usergrid heritage):
 * `{"error": "...", "exception": "...", "timestamp": <ms>, "duration": 0, "error_description": "..."}`.
 */
export function easemobErrors(env: ProviderEnv) {
  const easemobError = (c: Context, status: ContentfulStatusCode, error: string, exception: string, description: string, headers?: HeaderRecord): Response =>
    c.json({ error, exception, timestamp: env.clock.nowMs(), duration: 0, error_description: description }, status, headers);
  /** The app token request carries its credentials in the JSON body. */
  const invalidClient = (c: Context, description: string) =>
    easemobError(c, 401, "invalid_client", "UnauthorizedException", description, { "www-authenticate": clientChallenge("form", "easemob", "invalid_client", description) });
  /** The REST API wants the app token as a Bearer token. */
  const unauthorized = (c: Context, error: string, description: string) =>
    easemobError(c, 401, error, "UnauthorizedException", description, { "www-authenticate": challenge("Bearer", { realm: "easemob", error, error_description: description }) });
  const tooLarge = (c: Context) => easemobError(c, 413, "request_entity_too_large", "javax.ws.rs.WebApplicationException", "Request body too large (limit 64 KB)");
  return { easemobError, invalidClient, unauthorized, tooLarge };
}
