import { STATUS_CODES } from "node:http";
import type { MiddlewareHandler } from "hono";
import type { Header, Initiator } from "../src/core/exchange/exchange.ts";
import type { Clock } from "./kit/clock.ts";
import type { TrafficLog } from "./traffic-log.ts";

/** Bodies beyond this are recorded cut short (and marked so). */
export const RECORDED_BODY_LIMIT = 64 * 1024;

const TEXTUAL = /^(text\/|application\/(json|javascript|x-www-form-urlencoded|xml)|[^;]*\+json)/i;

async function readCapped(stream: ReadableStream<Uint8Array> | null): Promise<{ body: string; truncated: boolean }> {
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

function initiatorOf(headers: Headers, method: string): Initiator {
  const mode = headers.get("sec-fetch-mode");
  const dest = headers.get("sec-fetch-dest");
  if (mode === "navigate") return method === "GET" ? "navigation" : "form";
  if (dest === "script") return "script";
  if (mode === "cors" || mode === "same-origin" || mode === "no-cors") return "fetch";
  return "other";
}

const headerList = (headers: Headers): Header[] => [...headers.entries()];

const EMPTY = Promise.resolve({ body: "", truncated: false });

/** Caps an already decoded body at RECORDED_BODY_LIMIT bytes of UTF-8, like readCapped does for a stream. */
function capText(text: string): { body: string; truncated: boolean } {
  // Fewer UTF-16 units than a quarter of the limit can't exceed it in UTF-8 (at most 3 bytes per unit).
  if (text.length * 3 <= RECORDED_BODY_LIMIT || Buffer.byteLength(text) <= RECORDED_BODY_LIMIT) return { body: text, truncated: false };
  return { body: new TextDecoder().decode(Buffer.from(text).subarray(0, RECORDED_BODY_LIMIT)), truncated: true };
}

/**
 * The string body of a response built from a string, without cloning it.
 * @hono/node-server's Response keeps `[status, body, headers]` under a private
 * symbol and writes a string body in one go; cloning (or reading) the response
 * would turn it into a stream and lose that fast path. Undefined when the body
 * is anything else (stream, bytes) or the runtime's own Response is in use.
 */
function stringBodyOf(res: Response): string | undefined {
  for (const symbol of Object.getOwnPropertySymbols(res)) {
    if (symbol.description !== "cache") continue;
    const cache = (res as unknown as Record<symbol, unknown>)[symbol];
    if (Array.isArray(cache) && cache[0] === res.status && typeof cache[1] === "string") return cache[1];
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
    // With a Content-Length (what a browser or curl sends), the body is taken after the
    // handler from Hono's body cache, or read then if the handler left it: no copy made.
    // Without one (a streamed upload, or app.request() in tests) it is teed as it arrives.
    const bodyless = method === "GET" || method === "HEAD";
    const sized = !bodyless && raw.headers.has("content-length") && !raw.headers.has("transfer-encoding");
    const teed = bodyless || sized ? undefined : raw.body ? readCapped(raw.clone().body) : EMPTY;
    await next();
    const durationMs = Date.now() - startedAt;
    let requestBody: Promise<{ body: string; truncated: boolean }>;
    if (teed) requestBody = teed;
    else if (bodyless) requestBody = EMPTY;
    else if (Object.keys(c.req.bodyCache).length > 0) requestBody = c.req.text().then(capText, () => ({ body: "", truncated: true }));
    else if (!c.req.raw.bodyUsed) requestBody = readCapped(c.req.raw.body);
    else requestBody = Promise.resolve({ body: "", truncated: true });
    const res = c.res;
    const type = res.headers.get("content-type") ?? "";
    let responseBody = EMPTY;
    if (TEXTUAL.test(type)) {
      const text = stringBodyOf(res);
      if (text !== undefined) responseBody = Promise.resolve(capText(text));
      else if (res.body) responseBody = readCapped(res.clone().body);
    }
    // Not awaited: the response goes out while the copy is read.
    void Promise.all([requestBody, responseBody]).then(([reqBody, resBody]) => {
      log.add({
        provider,
        initiator: initiatorOf(raw.headers, method),
        startedAt,
        virtualTime,
        durationMs,
        request: {
          method,
          url: raw.url,
          headers: headerList(raw.headers),
          body: reqBody.body,
          ...(reqBody.truncated ? { bodyTruncated: true } : {}),
        },
        response: {
          status: res.status,
          statusText: STATUS_CODES[res.status] ?? "",
          headers: headerList(res.headers),
          body: resBody.body,
          ...(resBody.truncated ? { bodyTruncated: true } : {}),
        },
      });
    });
  };
}
