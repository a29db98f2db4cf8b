import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { PIGAI_ERROR_CODE } from "./fixtures.ts";

/** The document's failure envelope: `{"error": "原因", "error_code": 21329, "error_description": "原因描述"}`. */
export function pigaiErrorBody(error: string, description: string) {
  return { error, error_code: PIGAI_ERROR_CODE, error_description: description };
}

/** The one error writer for JSON answers (server side, protected call, refused JSONP). */
export function pigaiError(c: Context, status: ContentfulStatusCode, error: string, description: string): Response {
  if (status === 401) c.header("WWW-Authenticate", `Bearer realm="pigai", error="${error}"`);
  c.header("Cache-Control", "no-store");
  return c.json(pigaiErrorBody(error, description), status);
}

export const tooLarge = (c: Context) => pigaiError(c, 413, "invalid_request", "Request body too large (limit 64 KB)");
