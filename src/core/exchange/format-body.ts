import { headerValue, type Header } from "./exchange.ts";

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
  const jsonp = /^\s*([\w$.]+)\(([\s\S]*)\)\s*;?\s*$/.exec(body);
  if (jsonp && type.includes("javascript")) {
    try {
      return `${jsonp[1]}(\n${JSON.stringify(JSON.parse(jsonp[2]!), null, 2)}\n)`;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
