import type { RawRequest } from "./exchange.ts";

/** Headers a browser adds on its own; a curl that replays the request does not need them. */
const BROWSER_HEADERS = /^(host|connection|content-length|accept-encoding|accept-language|user-agent|origin|referer|sec-.*|priority|cache-control|pragma|upgrade-insecure-requests|dnt)$/i;

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** A curl command that sends the same request to the same URL. */
export function toCurl(request: RawRequest, options: { keepBrowserHeaders?: boolean } = {}): string {
  const parts = ["curl"];
  if (request.method !== "GET" || request.body) parts.push("-X", request.method);
  for (const [name, value] of request.headers) {
    if (!options.keepBrowserHeaders && BROWSER_HEADERS.test(name)) continue;
    parts.push("-H", quote(`${name}: ${value}`));
  }
  if (request.body) parts.push("--data-raw", quote(request.body));
  parts.push(quote(request.url));
  return parts.join(" ");
}
