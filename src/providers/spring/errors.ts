import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** Spring Security OAuth2's error JSON: `{"error": "...", "error_description": "..."}`. */
export function springError(c: Context, status: ContentfulStatusCode, error: string, description: string): Response {
  if (status === 401) c.header("WWW-Authenticate", `Bearer realm="oauth", error="${error}", error_description="${description.replace(/[^\x20-\x7e]|["\\]/g, "")}"`);
  c.header("Cache-Control", "no-store");
  c.header("Pragma", "no-cache");
  return c.json({ error, error_description: description }, status);
}

export const tooLarge = (c: Context) =>
  springError(c, 413, "invalid_request", "Request body too large (limit 64 KB)");
