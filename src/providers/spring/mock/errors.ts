import type { ContentfulStatusCode } from "hono/utils/http-status";
import { jsonAnswer, NO_STORE, type HeaderRecord } from "../../../../server/kit/http.ts";

/** Spring Security OAuth2's error JSON: `{"error": "...", "error_description": "..."}`. */
export function springError(status: ContentfulStatusCode, error: string, description: string, headers?: HeaderRecord): Response {
  const challenge =
    status === 401 ? { "www-authenticate": `Bearer realm="oauth", error="${error}", error_description="${description.replace(/[^\x20-\x7e]|["\\]/g, "")}"` } : undefined;
  return jsonAnswer({ error, error_description: description }, status, { ...NO_STORE, ...challenge, ...headers });
}

export const tooLarge = () => springError(413, "invalid_request", "Request body too large (limit 64 KB)");
