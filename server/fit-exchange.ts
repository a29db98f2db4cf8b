import type { Exchange } from "../src/core/exchange/exchange.ts";

/**
 * One exchange, serialised, at most. Bodies are already cut at 64 KB each as bytes, but
 * JSON writes a control character as six (`\u0000`): cut again here, so that what the
 * log keeps and sends is bounded in the bytes it really takes.
 */
export const EXCHANGE_BYTES = 160 * 1024;

const sizeOf = (text: string) => Buffer.byteLength(text);

/** `text` shortened to about `share` of its length, never splitting a surrogate pair. */
function shorten(text: string, share: number): string {
  let end = Math.max(0, Math.floor(text.length * share));
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, end);
}

/** The exchange's JSON text within `limit` bytes: its bodies are cut (and marked) until it fits. */
export function fitExchange(exchange: Exchange, limit = EXCHANGE_BYTES): { json: string; bytes: number } {
  let json = JSON.stringify(exchange);
  let bytes = sizeOf(json);
  for (let round = 0; bytes > limit && round < 4; round++) {
    const { request, response } = exchange;
    const requestSize = sizeOf(JSON.stringify(request.body));
    const responseSize = sizeOf(JSON.stringify(response.body));
    const bodies = requestSize + responseSize;
    // What the bodies may take, shared in proportion to their sizes; a little slack for the marks added.
    const allowed = Math.max(0, bodies - (bytes - limit) - 64);
    const share = bodies === 0 ? 0 : allowed / bodies;
    if (round === 3 || share === 0) {
      request.body = "";
      response.body = "";
    } else {
      request.body = shorten(request.body, share);
      response.body = shorten(response.body, share);
    }
    if (requestSize > 2) request.bodyTruncated = true;
    if (responseSize > 2) response.bodyTruncated = true;
    json = JSON.stringify(exchange);
    bytes = sizeOf(json);
  }
  return { json, bytes };
}
