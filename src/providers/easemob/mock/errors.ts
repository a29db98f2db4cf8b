import type { ContentfulStatusCode } from "hono/utils/http-status";
import { jsonAnswer, type HeaderRecord } from "../../../../server/kit/http.ts";
import type { ProviderEnv } from "../../../../server/kit/provider.ts";

/**
 * Easemob's REST error JSON (Usergrid heritage):
 * `{"error": "...", "exception": "...", "timestamp": <ms>, "duration": 0, "error_description": "..."}`.
 */
export function easemobError(
  env: ProviderEnv,
  status: ContentfulStatusCode,
  error: string,
  exception: string,
  description: string,
  headers?: HeaderRecord,
): Response {
  return jsonAnswer({ error, exception, timestamp: env.clock.nowMs(), duration: 0, error_description: description }, status, headers);
}

export const tooLarge = (env: ProviderEnv) => () =>
  easemobError(env, 413, "request_entity_too_large", "javax.ws.rs.WebApplicationException", "Request body too large (limit 64 KB)");
