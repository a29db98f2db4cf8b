import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { HeaderRecord } from "../../../../server/kit/http.ts";
import type { ProviderEnv } from "../../../../server/kit/provider.ts";

/**
 * Easemob's REST error JSON (Usergrid heritage):
 * `{"error": "...", "exception": "...", "timestamp": <ms>, "duration": 0, "error_description": "..."}`.
 */
export function easemobErrors(env: ProviderEnv) {
  const easemobError = (c: Context, status: ContentfulStatusCode, error: string, exception: string, description: string, headers?: HeaderRecord): Response =>
    c.json({ error, exception, timestamp: env.clock.nowMs(), duration: 0, error_description: description }, status, headers);
  const tooLarge = (c: Context) => easemobError(c, 413, "request_entity_too_large", "javax.ws.rs.WebApplicationException", "Request body too large (limit 64 KB)");
  return { easemobError, tooLarge };
}
