import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ProviderEnv } from "../../../server/kit/provider.ts";

/**
 * Easemob's REST error JSON (Usergrid heritage):
 * `{"error": "...", "exception": "...", "timestamp": <ms>, "duration": 0, "error_description": "..."}`.
 */
export function easemobError(
  c: Context,
  env: ProviderEnv,
  status: ContentfulStatusCode,
  error: string,
  exception: string,
  description: string,
): Response {
  return c.json({ error, exception, timestamp: env.clock.nowMs(), duration: 0, error_description: description }, status);
}

export const tooLarge = (env: ProviderEnv) => (c: Context) =>
  easemobError(c, env, 413, "request_entity_too_large", "javax.ws.rs.WebApplicationException", "Request body too large (limit 64 KB)");
