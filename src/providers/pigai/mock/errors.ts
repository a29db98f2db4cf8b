import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Context } from "hono";
import { challenge, clientChallenge } from "../../../../server/kit/challenge.ts";
import type { HeaderRecord } from "../../../../server/kit/http.ts";
import { PIGAI_ERROR_CODE } from "./fixtures.ts";

/** The document's failure envelope: `{"error": "原因", "error_code": 21329, "error_description": "原因描述"}`. */
export function pigaiErrorBody(error: string, description: string) {
  return { error, error_code: PIGAI_ERROR_CODE, error_description: description };
}

/** The one error writer for JSON answers (server side, protected call, refused JSONP). */
export function pigaiError(c: Context, status: ContentfulStatusCode, error: string, description: string, headers?: HeaderRecord): Response {
  const bearer = status === 401 ? { "www-authenticate": challenge("Bearer", { realm: "pigai", error }) } : undefined;
  return c.json(pigaiErrorBody(error, description), status, { "cache-control": "no-store", ...bearer, ...headers });
}

/** A wrong client_id or client_secret: the document's credentials travel in the body. */
export const invalidClient = (c: Context, description: string) =>
  pigaiError(c, 401, "invalid_client", description, { "www-authenticate": clientChallenge("form", "pigai", "invalid_client", description) });

export const tooLarge = (c: Context) => pigaiError(c, 413, "invalid_request", "Request body too large (limit 64 KB)");
