import { STATUS_CODES } from "node:http";
import type { Context, MiddlewareHandler } from "hono";
import type { Header, Initiator, RawRequest, RawResponse } from "../src/core/exchange/exchange.ts";
import type { Clock } from "./kit/clock.ts";
import { bodyCheckOf } from "./kit/http.ts";
import { writtenBody } from "./node-adapter.ts";
import { keepOwnCookies } from "./recorded-cookies.ts";
import type { TrafficLog } from "./traffic-log.ts";

/** Bodies beyond this are recorded cut short (and marked so). */
export const RECORDED_BODY_LIMIT = 64 * 1024;

/** A body as recorded: cut at RECORDED_BODY_LIMIT, and whether it was (or whether reading it failed). */
interface CappedBody {
  body: string;
  truncated: boolean;
  failed?: boolean;
}

const NO_BODY: CappedBody = { body: "", truncated: false };
const UNREAD: CappedBody = { body: "", truncated: true };
const FAILED: CappedBody = { body: "", truncated: true, failed: true };

/** The first RECORDED_BODY_LIMIT bytes as text (a character cut in two becomes U+FFFD). */
const decodeCapped = (bytes: Uint8Array): string => new TextDecoder().decode(bytes.subarray(0, RECORDED_BODY_LIMIT));

function capText(text: string): CappedBody {
  // Fewer UTF-16 units than a third of the limit can't exceed it in UTF-8 (at most 3 bytes per unit).
  if (text.length * 3 <= RECORDED_BODY_LIMIT || Buffer.byteLength(text) <= RECORDED_BODY_LIMIT) return { body: text, truncated: false };
  return { body: decodeCapped(Buffer.from(text)), truncated: true };
}

const TEXTUAL = /^(text\/|application\/(json|javascript|x-www-form-urlencoded|xml)|[^;]*\+json)/i;

/** Whether a body of this Content-Type is recorded (as text); others are recorded empty. */
export const isTextualType = (contentType: string | undefined) => TEXTUAL.test(contentType ?? "");

export function initiatorOf(headers: Header[], method: string): Initiator {
  let mode: string | undefined;
  let dest: string | undefined;
  for (const [name, value] of headers) {
    if (name === "sec-fetch-mode") mode = value;
    else if (name === "sec-fetch-dest") dest = value;
  }
  if (mode === "navigate") return method === "GET" ? "navigation" : "form";
  if (dest === "script") return "script";
  if (mode === "cors" || mode === "same-origin" || mode === "no-cors") return "fetch";
  return "other";
}

const bodyWasRead = (c: Context) => Object.keys(c.req.bodyCache).length > 0;

/**
 * The request body once the handler is done. Hono caches a body the handler read, so
 * reading it again costs nothing; one it left unread is read now only when its size is
 * known to be within the cap (capBody checked it), else it is not recorded: the mock
 * doesn't read what it doesn't know the size of.
 */
function requestBody(c: Context): CappedBody | Promise<CappedBody> {
  const method = c.req.method;
  if (method === "GET" || method === "HEAD") return NO_BODY;
  const check = bodyCheckOf(c);
  if (check && !check.fits) return { body: decodeCapped(check.prefix), truncated: true };
  if (check || bodyWasRead(c)) return c.req.text().then(capText, () => FAILED);
  return UNREAD;
}

const capBytes = (chunks: Uint8Array[]): CappedBody => {
  const bytes = Buffer.concat(chunks);
  return { body: decodeCapped(bytes), truncated: bytes.length > RECORDED_BODY_LIMIT };
};

/**
 * The response body the client got: on a socket, what node was handed to write; under
 * app.request(), read from a clone (HEAD answers carry none either way).
 */
function responseBody(c: Context, res: Response): CappedBody | Promise<CappedBody> {
  if (!isTextualType(res.headers.get("content-type") ?? undefined)) return NO_BODY;
  const written = writtenBody(c);
  if (written) return written.then((body) => (typeof body === "string" ? capText(body) : capBytes(body)));
  if (c.req.method === "HEAD") return NO_BODY;
  return res
    .clone()
    .text()
    .then(capText, () => UNREAD);
}

/** What the record says for a request whose client went away before the answer (an aborted upload). */
const ABORTED: RawResponse = { status: 0, statusText: "client aborted", headers: [], body: "", clientAborted: true };

/**
 * Records every request and response that passes, for the traffic panel, through Hono's
 * public API only, so an exchange is recorded alike on a socket and under app.request().
 * `sessionCookies` are the names of the cookies the provider itself sets: any other
 * cookie the browser sends (another app on localhost) is left out of the record.
 */
export function recordTraffic(log: TrafficLog, clock: Clock, provider: string, sessionCookies: readonly string[] = []): MiddlewareHandler {
  const ownCookies = new Set(sessionCookies);
  return async (c, next) => {
    const startedAt = Date.now();
    const virtualTime = clock.now();
    await next();
    const durationMs = Date.now() - startedAt;
    const method = c.req.method;
    const { headers, omittedCookies } = keepOwnCookies([...c.req.raw.headers], ownCookies);
    const res = c.res;
    const answered: RawResponse = { status: res.status, statusText: STATUS_CODES[res.status] ?? "", headers: [...res.headers], body: "" };
    const request: RawRequest = { method, url: c.req.url, headers, body: "" };
    if (omittedCookies > 0) request.omittedCookies = omittedCookies;
    const record = ([requestBody, responseBody]: [CappedBody, CappedBody]) => {
      request.body = requestBody.body;
      if (requestBody.truncated) request.bodyTruncated = true;
      answered.body = responseBody.body;
      if (responseBody.truncated) answered.bodyTruncated = true;
      // A body that could not be read because the client hung up: whatever the handler made of it, nobody got it.
      const response = requestBody.failed && c.req.raw.signal.aborted ? ABORTED : answered;
      log.add({ id: 0, provider, initiator: initiatorOf(headers, method), startedAt, virtualTime, durationMs, request, response });
    };
    // Recorded once both bodies are in; the answer goes out meanwhile, never held back.
    const bodies = [requestBody(c), responseBody(c, res)] as const;
    if (bodies[0] instanceof Promise || bodies[1] instanceof Promise) void Promise.all(bodies).then(record);
    else record(bodies as [CappedBody, CappedBody]);
  };
}
