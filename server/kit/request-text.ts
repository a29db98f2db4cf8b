import type { Context } from "hono";

/**
 * The request body as text. Read this way (Hono caches it), the traffic recorder later
 * gets the very same text; a body read only as JSON or form data would be recorded
 * re-serialised from what was parsed.
 */
export function readRequestText(c: Context): Promise<string> {
  return c.req.text();
}
