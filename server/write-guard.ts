import type { Context, MiddlewareHandler } from "hono";
import { requestAuthority } from "./host-guard.ts";
import { capBody } from "./kit/http.ts";

const refused = (c: Context, why: string) => c.json({ error: "forbidden", error_description: why }, 403);

/** An Origin header of the page the request came from when that page is the playground itself: the request's own (checked) Host. */
function isOwnOrigin(origin: string, c: Context): boolean {
  const scheme = origin.startsWith("http://") ? 7 : origin.startsWith("https://") ? 8 : 0;
  return scheme > 0 && origin.slice(scheme).toLowerCase() === requestAuthority(c);
}

/**
 * Cross-site writes: a page on another origin can send a POST here with a form or a
 * no-cors fetch, and never needs to read the answer to reset the mock or move its
 * clock. Any request but GET/HEAD that a browser marks as coming from another site is
 * refused; tools that send no Origin (curl, Playwright's `request`) are served.
 * Mount after hostGuard: "this request's Host" is only the playground's once checked.
 */
export function sameOriginWrites(): MiddlewareHandler {
  return async (c, next) => {
    const method = c.req.method;
    if (method === "GET" || method === "HEAD") return next();
    if (c.req.header("sec-fetch-site") === "cross-site") return refused(c, "a cross-site request may not change the playground's state");
    const origin = c.req.header("origin");
    if (origin === undefined || isOwnOrigin(origin, c)) return next();
    return refused(c, "only the playground's own pages (or tools that send no Origin) may change its state");
  };
}

const JSON_TYPE = /^application\/(?:[\w.+-]*\+)?json\s*(?:;|$)/i;

/**
 * Control bodies: JSON or nothing (a form or text/plain body is what a cross-site page
 * can send without asking), capped like the mocks' bodies. Two middlewares, in order.
 */
export function jsonBodiesOnly(): MiddlewareHandler[] {
  const cap = capBody((c) => c.json({ error: "the body is larger than the 64 KB a control request may carry" }, 413));
  const jsonOnly: MiddlewareHandler = async (c, next) => {
    const method = c.req.method;
    if (method === "GET" || method === "HEAD" || JSON_TYPE.test(c.req.header("content-type") ?? "")) return next();
    // Only a body that is really there is refused: POST /reset needs none, and tools send no type with none.
    if ((await c.req.text().catch(() => "")) === "") return next();
    return c.json({ error: "a control request's body must be JSON (Content-Type: application/json)" }, 415);
  };
  return [cap, jsonOnly];
}
