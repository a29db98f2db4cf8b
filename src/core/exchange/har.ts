import type { Cookie, Entry, Har } from "har-format";
import { headerValue, type Exchange, type Header } from "./exchange.ts";

/** HAR 1.2 (what Chrome DevTools reads), with the playground's extras under `_` names as the spec allows. */
export type PlaygroundHar = Har;

const pairs = (headers: Header[]) => headers.map(([name, value]) => ({ name, value }));
const byteLength = (s: string) => new TextEncoder().encode(s).length;

function cookiesOf(headers: Header[], name: "cookie" | "set-cookie"): Cookie[] {
  return headers
    .filter(([n]) => n.toLowerCase() === name)
    .flatMap(([, v]) => (name === "cookie" ? v.split(/;\s*/) : [v.split(";")[0] ?? ""]))
    .map((part) => {
      const eq = part.indexOf("=");
      return { name: eq < 0 ? part : part.slice(0, eq), value: eq < 0 ? "" : part.slice(eq + 1) };
    })
    .filter((c) => c.name);
}

function queryOf(url: string) {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

function toEntry(e: Exchange): Entry {
  const reqType = headerValue(e.request.headers, "content-type") ?? "";
  return {
    startedDateTime: new Date(e.startedAt).toISOString(),
    time: e.durationMs,
    request: {
      method: e.request.method,
      url: e.request.url,
      httpVersion: "HTTP/1.1",
      cookies: cookiesOf(e.request.headers, "cookie"),
      headers: pairs(e.request.headers),
      queryString: queryOf(e.request.url),
      ...(e.request.body ? { postData: { mimeType: reqType, text: e.request.body } } : {}),
      headersSize: -1,
      bodySize: byteLength(e.request.body),
    },
    response: {
      status: e.response.status,
      statusText: e.response.statusText,
      httpVersion: "HTTP/1.1",
      cookies: cookiesOf(e.response.headers, "set-cookie"),
      headers: pairs(e.response.headers),
      content: { size: byteLength(e.response.body), mimeType: headerValue(e.response.headers, "content-type") ?? "", text: e.response.body },
      redirectURL: headerValue(e.response.headers, "location") ?? "",
      headersSize: -1,
      bodySize: byteLength(e.response.body),
    },
    cache: {},
    timings: { send: 0, wait: e.durationMs, receive: 0 },
    _provider: e.provider,
    _initiator: e.initiator,
    _virtualTime: e.virtualTime,
    ...(e.live ? { _live: true } : {}),
  };
}

export function toHar(exchanges: Exchange[], version = "0.1.0"): PlaygroundHar {
  return { log: { version: "1.2", creator: { name: "OAuth Playground", version }, pages: [], entries: exchanges.map(toEntry) } };
}
