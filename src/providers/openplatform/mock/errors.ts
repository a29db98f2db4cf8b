import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * The open platform's failure envelope: `{"status": "4102", "message": "...", "data": []}`.
 * The document shows "4102" (a string) for every failure and no HTTP status, so
 * envelope errors go out as HTTP 200 (assumed); transport problems keep theirs (413, 404).
 */
export function openplatformError(c: Context, message: string, httpStatus: ContentfulStatusCode = 200): Response {
  return c.json({ status: "4102", message, data: [] }, httpStatus, { "cache-control": "no-store" });
}

export const tooLarge = (c: Context) => openplatformError(c, "request body too large (limit 64 KB)", 413);
