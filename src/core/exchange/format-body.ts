import { headerValue, type Header } from "./exchange.ts";
import { parseJsonOrJsonp, parseJsonp } from "./jsonp.ts";

/** A readable form of a body: JSON indented, form fields one per line; undefined when raw is all there is. */
export function prettyBody(headers: Header[], body: string): string | undefined {
  if (!body) return undefined;
  const type = (headerValue(headers, "content-type") ?? "").toLowerCase();
  if (type.includes("json") || /^\s*[[{]/.test(body)) {
    try {
      return JSON.stringify(JSON.parse(body), null, 2);
    } catch {
      return undefined;
    }
  }
  if (type.includes("x-www-form-urlencoded")) {
    return [...new URLSearchParams(body)].map(([k, v]) => `${k} = ${v}`).join("\n");
  }
  const jsonp = type.includes("javascript") ? parseJsonp(body) : undefined;
  return jsonp ? `${jsonp.callback}(\n${JSON.stringify(jsonp.json, null, 2)}\n)` : undefined;
}

/** A body's JSON, also when it arrives inside a JSONP call; undefined when it has none. */
export const parseJson = parseJsonOrJsonp;
