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

/** Records every request and response that passes, for the traffic panel. */
export function recordTraffic(log: TrafficLog, clock: Clock, provider: string): MiddlewareHandler {
  return async (c, next) => {
    const startedAt = Date.now();
    const virtualTime = clock.now();
    const raw = c.req.raw;
    const requestBody = raw.body ? readCapped(raw.clone().body) : Promise.resolve({ body: "", truncated: false });
    await next();
    const durationMs = Date.now() - startedAt;
    const res = c.res;
    const type = res.headers.get("content-type") ?? "";
    const responseBody = TEXTUAL.test(type) && res.body ? readCapped(res.clone().body) : Promise.resolve({ body: "", truncated: false });
    // Not awaited: the response goes out while the copy is read.
    void Promise.all([requestBody, responseBody]).then(([reqBody, resBody]) => {
      log.add({
        provider,
        initiator: initiatorOf(raw.headers, raw.method),
        startedAt,
        virtualTime,
        durationMs,
        request: {
          method: raw.method,
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
