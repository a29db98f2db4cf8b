import { STATUS_CODES, type IncomingMessage } from "node:http";
import type { Context, MiddlewareHandler } from "hono";
import type { Header, Initiator, RawRequest, RawResponse } from "../src/core/exchange/exchange.ts";
import type { Clock } from "./kit/clock.ts";
import { hasSizedBody, nodeIncoming, requestHeader } from "./kit/http.ts";
import { requestTextRead } from "./kit/request-text.ts";
import type { TrafficLog } from "./traffic-log.ts";

/** Bodies beyond this are recorded cut short (and marked so). */
export const RECORDED_BODY_LIMIT = 64 * 1024;

/** A body as recorded: cut at RECORDED_BODY_LIMIT, and whether it was. */
interface CappedBody {
  body: string;
  truncated: boolean;
}

/** The first RECORDED_BODY_LIMIT bytes as text (a character cut in two becomes U+FFFD). */
const decodeCapped = (bytes: Buffer): string => new TextDecoder().decode(bytes.subarray(0, RECORDED_BODY_LIMIT));

/**
 * The first RECORDED_BODY_LIMIT bytes of a body nobody else reads, straight from node's
 * request. The rest is read and dropped rather than left on the socket: cancelling
 * would destroy the connection under the answer, and leaving it unread would stall it.
 */
function readCappedIncoming(incoming: IncomingMessage): Promise<CappedBody> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (truncated: boolean) => resolve({ body: decodeCapped(Buffer.concat(chunks)), truncated });
    incoming.on("data", (chunk: Buffer) => {
      if (size <= RECORDED_BODY_LIMIT) chunks.push(chunk);
      size += chunk.length;
    });
    incoming.once("end", () => done(size > RECORDED_BODY_LIMIT));
    incoming.once("error", () => done(true));
    incoming.once("close", () => done(size > RECORDED_BODY_LIMIT || !incoming.complete));
  });
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
  const text = decodeCapped(Buffer.concat(chunks));
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

const NO_BODY: CappedBody = { body: "", truncated: false };
const EMPTY = Promise.resolve(NO_BODY);

/** Caps an already decoded body at RECORDED_BODY_LIMIT bytes of UTF-8, like readCapped does for a stream. */
function capText(text: string): CappedBody {
  // Fewer UTF-16 units than a quarter of the limit can't exceed it in UTF-8 (at most 3 bytes per unit).
  if (text.length * 3 <= RECORDED_BODY_LIMIT || Buffer.byteLength(text) <= RECORDED_BODY_LIMIT) return { body: text, truncated: false };
  return { body: decodeCapped(Buffer.from(text)), truncated: true };
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
export function lightParts(res: Response): { status: number; body: string; headers: Header[] } | undefined {
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

/** What is known of an exchange once the handler has answered; only the bodies may still be on their way. */
interface Answered {
  provider: string;
  c: Context;
  startedAt: number;
  virtualTime: number;
  durationMs: number;
  method: string;
  requestHeaders: Header[];
  status: number;
  responseHeaders: Header[];
}

function record(log: TrafficLog, parts: Answered, reqBody: CappedBody, resBody: CappedBody): void {
  const { c, method, status } = parts;
  const request: RawRequest = { method, url: c.req.raw.url, headers: parts.requestHeaders, body: reqBody.body };
  if (reqBody.truncated) request.bodyTruncated = true;
  const response: RawResponse = { status, statusText: STATUS_CODES[status] ?? "", headers: parts.responseHeaders, body: resBody.body };
  if (resBody.truncated) response.bodyTruncated = true;
  const { provider, startedAt, virtualTime, durationMs } = parts;
  log.add({ id: 0, provider, initiator: initiatorOf(c, method), startedAt, virtualTime, durationMs, request, response });
}

const unreadable = (): CappedBody => ({ body: "", truncated: true });

/**
 * The request body once the handler is done with it. A body the handler read through the
 * mocks' params is known at once; one read otherwise is in Hono's cache; one it left (an
 * early error) is read now, through node-server's direct path when its announced size is
 * within the limit (a web stream would cost many times more).
 */
function requestBodyAfter(c: Context): CappedBody | Promise<CappedBody> {
  const known = requestTextRead(c);
  if (known !== undefined) return capText(known);
  // Hono types the cache by its values, but it holds the promises.
  const cached = c.req.bodyCache.text as Promise<string> | undefined;
  if (cached) return cached.then(capText, unreadable);
  if (Object.keys(c.req.bodyCache).length > 0) return c.req.text().then(capText, unreadable);
  if (c.req.raw.bodyUsed) return Promise.resolve(unreadable());
  if (parseInt(requestHeader(c, "content-length") ?? "", 10) <= RECORDED_BODY_LIMIT) return c.req.text().then(capText, unreadable);
  const incoming = nodeIncoming(c);
  return incoming && !incoming.readableDidRead ? readCappedIncoming(incoming) : readCapped(c.req.raw.body);
}

/** Records every request and response that passes, for the traffic panel. */
export function recordTraffic(log: TrafficLog, clock: Clock, provider: string): MiddlewareHandler {
  return async (c, next) => {
    const startedAt = Date.now();
    const virtualTime = clock.now();
    const raw = c.req.raw;
    const method = raw.method;
    // With a Content-Length (what a browser or curl sends), the body is taken after the
    // handler (see requestBodyAfter): no copy made. Without one (a streamed upload, or
    // app.request() in tests) it is teed as it arrives.
    const bodyless = method === "GET" || method === "HEAD";
    const sized = !bodyless && hasSizedBody(c);
    const teed = bodyless || sized ? undefined : raw.body ? readCapped(raw.clone().body) : EMPTY;
    await next();
    const durationMs = Date.now() - startedAt;
    const res = c.res;
    const light = lightParts(res);
    const responseHeaders = light ? light.headers : headerList(res.headers);
    // On @hono/node-server the request's node object is at hand: its headers need no Headers object.
    const incoming = nodeIncoming(c);
    const requestHeaders = incoming ? rawHeaderList(incoming.rawHeaders) : headerList(raw.headers);
    const parts: Answered = { provider, c, startedAt, virtualTime, durationMs, method, requestHeaders, status: res.status, responseHeaders };
    let type = "";
    for (const [name, value] of responseHeaders) if (name === "content-type") type = value;
    let responseBody: CappedBody | Promise<CappedBody> = NO_BODY;
    if (TEXTUAL.test(type)) {
      if (light) responseBody = capText(light.body);
      else if (res.body) responseBody = readCapped(res.clone().body);
    }
    const requestBody = bodyless ? NO_BODY : (teed ?? requestBodyAfter(c));
    // Recorded once both bodies are in; the response goes out meanwhile, never held back.
    if (!(requestBody instanceof Promise) && !(responseBody instanceof Promise)) record(log, parts, requestBody, responseBody);
    else void Promise.all([requestBody, responseBody]).then(([reqBody, resBody]) => record(log, parts, reqBody, resBody));
  };
}
