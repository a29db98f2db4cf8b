import type { Context, MiddlewareHandler } from "hono";

/** Largest request body any mock accepts; past it the provider answers 413 in its own envelope. */
export const MAX_BODY_BYTES = 64 * 1024;

/** What capBody found out about a request's body, for the traffic recorder. */
export type BodyCheck = { fits: true } | { fits: false; prefix: Uint8Array };

/** Buffer.concat allocates a fresh buffer: its bytes are a plain ArrayBuffer's. */
const joined = (chunks: Uint8Array[]) => Buffer.concat(chunks) as Uint8Array<ArrayBuffer>;

const BODY_CHECK = "bodyCheck";
const FITS: BodyCheck = { fits: true };
const REFUSED_UNREAD: BodyCheck = { fits: false, prefix: new Uint8Array(0) };

/** Undefined when no capBody saw the request (a GET, or a route without one). */
export function bodyCheckOf(c: Context): BodyCheck | undefined {
  return c.get(BODY_CHECK) as BodyCheck | undefined;
}

/** Reads a stream until its end or until it passes `limit` bytes, whichever comes first. */
async function readUpTo(stream: ReadableStream<Uint8Array>, limit: number): Promise<{ bytes: Uint8Array<ArrayBuffer>; over: boolean }> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
      if (size > limit) return { bytes: joined(chunks).subarray(0, limit), over: true };
    }
  } finally {
    // Released, not cancelled: cancelling would destroy the socket before the 413 is out.
    reader.releaseLock();
  }
  return { bytes: joined(chunks), over: false };
}

/**
 * Refuses a body past MAX_BODY_BYTES with the provider's own 413. A body announced by
 * Content-Length is judged from that header and left unread when refused (the adapter reads
 * and drops it, so the kept-alive connection carries the next request). A streamed one is
 * read up to the cap; refused, it is abandoned half-read, so the 413 says Connection: close.
 */
export function capBody(onTooLarge: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  return async (c, next) => {
    const method = c.req.method;
    if (method === "GET" || method === "HEAD") return next();
    const length = c.req.header("content-length");
    if (length !== undefined && c.req.header("transfer-encoding") === undefined) {
      if (parseInt(length || "0", 10) > MAX_BODY_BYTES) {
        c.set(BODY_CHECK, REFUSED_UNREAD);
        return onTooLarge(c);
      }
      c.set(BODY_CHECK, FITS);
      return next();
    }
    const body = c.req.raw.body;
    if (body) {
      const read = await readUpTo(body, MAX_BODY_BYTES);
      if (read.over) {
        c.set(BODY_CHECK, { fits: false, prefix: read.bytes });
        const res = await onTooLarge(c);
        res.headers.set("connection", "close");
        return res;
      }
      c.req.raw = new Request(c.req.raw, { body: read.bytes });
    }
    c.set(BODY_CHECK, FITS);
    return next();
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
