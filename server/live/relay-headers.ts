import type { Header } from "../../src/core/exchange/exchange.ts";

/** Hop-by-hop headers (RFC 9110 §7.6.1, plus the Proxy-* family): they belong to one connection, never relayed. */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "te", "trailer", "transfer-encoding", "upgrade", "proxy-connection"]);

/**
 * Request headers the browser adds for the playground's own origin, which the user did not
 * put in the request (the fetch spec's forbidden request headers): cookies for the
 * playground's mocks, its Origin and Referer, Sec-* (fetch metadata, client hints), and
 * Accept-Encoding, which would make the recorded answer compressed bytes. Host is set to
 * the target's. X-Forwarded-* and Forwarded are dropped too: the relay is not a proxy the
 * real server should trust, and the playground's address is nothing the server needs.
 */
const BROWSER_ADDED = new Set([
  "cookie",
  "cookie2",
  "origin",
  "referer",
  "host",
  "accept-encoding",
  "accept-charset",
  "access-control-request-headers",
  "access-control-request-method",
  "date",
  "dnt",
  "expect",
  "via",
  "forwarded",
  "content-length",
]);

/**
 * Answer headers that would act on the playground's own origin rather than inform: the
 * browser would store a real server's cookies for the playground (where they never go back,
 * Cookie being dropped, and could clobber the mocks' session cookies), and Clear-Site-Data
 * would wipe the playground's storage. Both stay in the recorded answer.
 */
const ACTS_ON_PLAYGROUND = new Set(["set-cookie", "clear-site-data"]);

/** The names a Connection header lists: hop-by-hop for this one message. */
function connectionNames(values: readonly string[]): Set<string> {
  return new Set(values.flatMap((v) => v.split(",")).map((n) => n.trim().toLowerCase()).filter(Boolean));
}

const isHopByHop = (name: string, named: Set<string>) => HOP_BY_HOP.has(name) || name.startsWith("proxy-") || named.has(name);

/**
 * The headers sent to the real server: the client's, minus hop-by-hop and browser-added ones,
 * plus the target's Host, the body's length, and the relay's own `Connection: close` (it keeps
 * no connection open), so that the list is exactly what goes on the wire and is recorded.
 */
export function forwardedRequestHeaders(incoming: Headers, targetHost: string, bodyBytes: number | undefined): Header[] {
  const named = connectionNames([incoming.get("connection") ?? ""]);
  const kept: Header[] = [["host", targetHost]];
  for (const [name, value] of incoming) {
    if (isHopByHop(name, named) || BROWSER_ADDED.has(name) || name.startsWith("sec-") || name.startsWith("x-forwarded-")) continue;
    kept.push([name, value]);
  }
  if (bodyBytes !== undefined) kept.push(["content-length", String(bodyBytes)]);
  kept.push(["connection", "close"]);
  return kept;
}

/** Node's raw header list (name, value, name, value …) as pairs, repeats kept, names in lower case. */
export function headerPairs(raw: readonly string[]): Header[] {
  const pairs: Header[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i]!.toLowerCase(), raw[i + 1]!]);
  return pairs;
}

/** The real server's answer headers as passed back to the client: hop-by-hop and playground-acting ones aside. */
export function returnedResponseHeaders(received: readonly Header[]): Header[] {
  const named = connectionNames(received.filter(([n]) => n === "connection").map(([, v]) => v));
  return received.filter(([name]) => !isHopByHop(name, named) && !ACTS_ON_PLAYGROUND.has(name));
}
