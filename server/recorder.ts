import { STATUS_CODES } from "node:http";
import type { Context, MiddlewareHandler } from "hono";
import type { Header, Initiator, RawRequest, RawResponse } from "../src/core/exchange/exchange.ts";
import type { Clock } from "./kit/clock.ts";
import { hasSizedBody, nodeIncoming, requestHeader } from "./kit/http.ts";
import type { TrafficLog } from "./traffic-log.ts";

/** Bodies beyond this are recorded cut short (and marked so). */
export const RECORDED_BODY_LIMIT = 64 * 1024;

/** A body as recorded: cut at RECORDED_BODY_LIMIT, and whether it was. */
interface CappedBody {
  body: string;
  truncated: boolean;
}

const TEXTUAL = /^(text\/|application\/(json|javascript|x-www-form-urlencoded|xml)|[^;]*\+json)/i;

async function readCapped(stream: ReadableStream<Uint8Array> | null): Promise<CappedBody> {
  if (!stream) return { body: "", truncated: false };
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
      if (size > RECORDED_BODY_LIMIT) {
        truncated = true;
        await reader.cancel();
        break;
      }
    }
  } catch {
    truncated = true;
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks).subarray(0, RECORDED_BODY_LIMIT));
  return { body: text, truncated };
}

function initiatorOf(c: Context, method: string): Initiator {
  const mode = requestHeader(c, "sec-fetch-mode");
  const dest = requestHeader(c, "sec-fetch-dest");
  if (mode === "navigate") return method === "GET" ? "navigation" : "form";
  if (dest === "script") return "script";
  if (mode === "cors" || mode === "same-origin" || mode === "no-cors") return "fetch";
  return "other";
}

const headerList = (headers: Headers): Header[] => [...headers.entries()];

/** Header pairs as they came over the wire (node's rawHeaders), names in lower case. */
function rawHeaderList(raw: string[]): Header[] {
  const list: Header[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) list.push([raw[i]!.toLowerCase(), raw[i + 1]!]);
  return list;
}

const EMPTY = Promise.resolve({ body: "", truncated: false });

/** Caps an already decoded body at RECORDED_BODY_LIMIT bytes of UTF-8, like readCapped does for a stream. */
function capText(text: string): CappedBody {
  // Fewer UTF-16 units than a quarter of the limit can't exceed it in UTF-8 (at most 3 bytes per unit).
  if (text.length * 3 <= RECORDED_BODY_LIMIT || Buffer.byteLength(text) <= RECORDED_BODY_LIMIT) return { body: text, truncated: false };
  return { body: new TextDecoder().decode(Buffer.from(text).subarray(0, RECORDED_BODY_LIMIT)), truncated: true };
}

/** @hono/node-server's private "cache" symbol, found on the first light response seen. */
let cacheSymbol: symbol | undefined;

const DEFAULT_CONTENT_TYPE: Header = ["content-type", "text/plain; charset=UTF-8"];

/**
 * Status, string body and header pairs of a response built from a string (or none), read
 * without touching the response. @hono/node-server's Response keeps
 * `[status, body, headers]` under a private symbol and writes a string body with
 * plain-object headers straight out; reading `res.headers` (or cloning) would
 * turn those into a Headers object (or a stream) and lose that fast path.
 * Undefined when the body is anything else or the runtime's own Response is in use.
 */
function lightParts(res: Response): { status: number; body: string; headers: Header[] } | undefined {
  cacheSymbol ??= Object.getOwnPropertySymbols(res).find((symbol) => symbol.description === "cache");
  if (cacheSymbol) {
    const cache = (res as unknown as Record<symbol, unknown>)[cacheSymbol];
    if (!Array.isArray(cache) || typeof cache[0] !== "number" || (typeof cache[1] !== "string" && cache[1] !== null)) return undefined;
    const init: unknown = cache[2];
    let headers: Header[];
    if (init === undefined || init === null) headers = cache[1] === null ? [] : [DEFAULT_CONTENT_TYPE];
    else if (init instanceof Headers) headers = headerList(init);
    else if (Array.isArray(init)) headers = init.map(([name, value]: [string, string]) => [name.toLowerCase(), value]);
    else {
      headers = [];
      for (const name in init) headers.push([name.toLowerCase(), String((init as Record<string, unknown>)[name])]);
    }
    return { status: cache[0], body: cache[1] ?? "", headers };
  }
  return undefined;
}

/** Records every request and response that passes, for the traffic panel. */
export function recordTraffic(log: TrafficLog, clock: Clock, provider: string): MiddlewareHandler {
  return async (c, next) => {
    const startedAt = Date.now();
    const virtualTime = clock.now();
    const raw = c.req.raw;
    const method = raw.method;
    // On @hono/node-server the request's node object is at hand: its headers need no Headers object.
    const incoming = nodeIncoming(c);
    // With a Content-Length (what a browser or curl sends), the body is taken after the
    // handler from Hono's body cache, or read then if the handler left it: no copy made.
    // Without one (a streamed upload, or app.request() in tests) it is teed as it arrives.
    const bodyless = method === "GET" || method === "HEAD";
    const sized = !bodyless && hasSizedBody(c);
    const teed = bodyless || sized ? undefined : raw.body ? readCapped(raw.clone().body) : EMPTY;
    await next();
    const durationMs = Date.now() - startedAt;
    let requestBody: Promise<CappedBody>;
    if (teed) requestBody = teed;
    else if (bodyless) requestBody = EMPTY;
    else if (Object.keys(c.req.bodyCache).length > 0) requestBody = c.req.text().then(capText, () => ({ body: "", truncated: true }));
    else if (!c.req.raw.bodyUsed) requestBody = readCapped(c.req.raw.body);
    else requestBody = Promise.resolve({ body: "", truncated: true });
    const res = c.res;
    const light = lightParts(res);
    const responseHeaders = light ? light.headers : headerList(res.headers);
    const type = responseHeaders.find(([name]) => name === "content-type")?.[1] ?? "";
    let responseBody = EMPTY;
    if (TEXTUAL.test(type)) {
      if (light) responseBody = Promise.resolve(capText(light.body));
      else if (res.body) responseBody = readCapped(res.clone().body);
    }
    const requestHeaders = incoming ? rawHeaderList(incoming.rawHeaders) : headerList(raw.headers);
    const record = ([reqBody, resBody]: [CappedBody, CappedBody]) => {
      const request: RawRequest = { method, url: raw.url, headers: requestHeaders, body: reqBody.body };
      if (reqBody.truncated) request.bodyTruncated = true;
      const status = res.status;
      const response: RawResponse = { status, statusText: STATUS_CODES[status] ?? "", headers: responseHeaders, body: resBody.body };
      if (resBody.truncated) response.bodyTruncated = true;
      log.add({ id: 0, provider, initiator: initiatorOf(c, method), startedAt, virtualTime, durationMs, request, response });
    };
    // Not awaited: the response goes out while the copy is read.
    void Promise.all([requestBody, responseBody]).then(record);
  };
}
