import { ServerResponse, type IncomingMessage } from "node:http";
import type { MiddlewareHandler, Context } from "hono";
import { bodyLimit } from "hono/body-limit";

/** Largest request body any mock accepts; past it the provider answers 413 in its own envelope. */
export const MAX_BODY_BYTES = 64 * 1024;

/** @hono/node-server's bindings: node's own request and response; absent under app.request(). */
const nodeBindings = (c: Context) => c.env as { incoming?: IncomingMessage; outgoing?: ServerResponse } | undefined;

/** Node's own request object when served by @hono/node-server, else undefined (app.request()). */
export function nodeIncoming(c: Context): IncomingMessage | undefined {
  return nodeBindings(c)?.incoming;
}

/** Node's own response object when served by @hono/node-server, else undefined (app.request()). */
export function nodeOutgoing(c: Context): ServerResponse | undefined {
  const outgoing = nodeBindings(c)?.outgoing;
  return outgoing instanceof ServerResponse ? outgoing : undefined;
}

/**
 * A request header (name in lower case), for the node-adapter code (body cap, recorder). On
 * @hono/node-server it is read from node's own parsed headers; elsewhere it is c.req.header().
 * Providers read headers with c.req.header() itself.
 */
export function requestHeader(c: Context, name: string): string | undefined {
  const incoming = nodeIncoming(c);
  if (!incoming) return c.req.header(name);
  const value = incoming.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

/** The body's size is announced by Content-Length (no chunked transfer): it can be judged from the headers alone. */
export function hasSizedBody(c: Context): boolean {
  return requestHeader(c, "content-length") !== undefined && requestHeader(c, "transfer-encoding") === undefined;
}

export function capBody(onTooLarge: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  // A streamed body is abandoned half-read once past the cap, which leaves the connection
  // unusable: the 413 says Connection: close so the client doesn't send on it again. (A
  // body with a Content-Length is read to its end and dropped; its connection stays open.)
  const streamed = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: async (c) => {
      const res = await onTooLarge(c);
      res.headers.set("connection", "close");
      return res;
    },
  });
  // Not async: on the common path it hands over to next() without a promise of its own.
  return (c, next) => {
    // The common cases are decided from the headers alone, as bodyLimit itself would, without
    // touching c.req.raw.body: on @hono/node-server that would turn the light request into a
    // full web Request (and its stream) on every call. A streamed body goes through bodyLimit.
    const method = c.req.method;
    if (method === "GET" || method === "HEAD") return next();
    if (hasSizedBody(c)) {
      return parseInt(requestHeader(c, "content-length") || "0", 10) > MAX_BODY_BYTES ? Promise.resolve(onTooLarge(c)) : next();
    }
    return streamed(c, next);
  };
}

/** Appends query parameters the way the documents show it: `http://localhost?code=W636oE`. */
export function appendQuery(uri: string, params: Record<string, string | undefined>): string {
  const query = Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join("&");
  if (!query) return uri;
  return uri + (uri.includes("?") ? "&" : "?") + query;
}

/** Exact string match against the registered list: no prefix, case or trailing-slash leniency. */
export function isRegisteredUri(uri: string, registered: readonly string[]): boolean {
  return registered.includes(uri);
}

/** Decodes `Authorization: Basic …`; undefined when absent, null when malformed. */
export function basicCredentials(header: string | undefined): { id: string; secret: string } | null | undefined {
  if (!header) return undefined;
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match) return /^Basic\b/i.test(header) ? null : undefined;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  return { id: formUnescape(decoded.slice(0, colon)), secret: formUnescape(decoded.slice(colon + 1)) };
}

/** Basic credentials are form-encoded (RFC 6749 §2.3.1); a bad escape is kept as sent. */
function formUnescape(s: string): string {
  // Most ids and secrets have nothing to unescape: skip the regex and the decoder.
  if (!s.includes("%") && !s.includes("+")) return s;
  try {
    return decodeURIComponent(s.replace(/\+/g, " "));
  } catch {
    return s;
  }
}

/** `Authorization: <scheme> <token>` → token, when the scheme matches (case-insensitive). */
export function schemeToken(header: string | undefined, scheme: string): string | undefined {
  if (!header) return undefined;
  const space = header.indexOf(" ");
  if (space < 0) return undefined;
  return header.slice(0, space).toLowerCase() === scheme.toLowerCase() ? header.slice(space + 1).trim() || undefined : undefined;
}

export type HeaderRecord = Record<string, string>;

/** What every token answer carries (RFC 6749 §5.1). */
export const NO_STORE: HeaderRecord = { "cache-control": "no-store", pragma: "no-cache" };
