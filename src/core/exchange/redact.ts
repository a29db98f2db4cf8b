import type { Exchange, Header } from "./exchange.ts";

/** Field names whose values are credentials or bearer material. */
export const SECRET_NAMES = /^(access_token|refresh_token|client_secret|secret|api_secret|code|password|ticket|js_ticket|token|id_token|open_id)$/i;

/** FNV-1a, 32 bit: a short, stable fingerprint so redacted values can still be told apart and matched. */
export function fingerprint(value: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0").slice(0, 6);
}

export const redactedLabel = (value: string) => `[redacted#${fingerprint(value)}]`;

function collectFromParams(params: URLSearchParams, into: Set<string>) {
  for (const [k, v] of params) if (SECRET_NAMES.test(k) && v) into.add(v);
}

function collectFromJson(value: unknown, into: Set<string>) {
  if (Array.isArray(value)) value.forEach((v) => collectFromJson(v, into));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (SECRET_NAMES.test(k) && (typeof v === "string" || typeof v === "number") && String(v)) into.add(String(v));
      else collectFromJson(v, into);
    }
  }
}

function collectFromBody(body: string, into: Set<string>) {
  const trimmed = body.trim();
  const jsonp = /^[\w$.]+\(([\s\S]*)\)\s*;?$/.exec(trimmed);
  const jsonText = jsonp ? jsonp[1]! : trimmed;
  try {
    collectFromJson(JSON.parse(jsonText), into);
    return;
  } catch {
    // not JSON: try a form body
  }
  if (/^[^\s=&]+=[^\s]*$/.test(trimmed)) collectFromParams(new URLSearchParams(trimmed), into);
}

function collectFromHeaders(headers: Header[], into: Set<string>) {
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    if (lower === "authorization") {
      const token = value.slice(value.indexOf(" ") + 1).trim();
      if (token) into.add(token);
    } else if (lower === "cookie" || lower === "set-cookie") {
      for (const part of value.split(/;\s*/)) {
        const eq = part.indexOf("=");
        if (eq > 0 && !/^(path|domain|expires|max-age|samesite)$/i.test(part.slice(0, eq))) into.add(part.slice(eq + 1));
      }
    } else if (lower === "location") {
      try {
        collectFromParams(new URL(value, "http://x").searchParams, into);
      } catch {
        // an unparsable Location carries nothing to collect
      }
    }
  }
}

/** Every secret value found anywhere in the exchanges (query, form, JSON, JSONP, headers, Location, cookies). */
export function collectSecrets(exchanges: Exchange[]): string[] {
  const found = new Set<string>();
  for (const e of exchanges) {
    try {
      collectFromParams(new URL(e.request.url, "http://x").searchParams, found);
    } catch {
      // ignore unparsable URLs
    }
    collectFromBody(e.request.body, found);
    collectFromBody(e.response.body, found);
    collectFromHeaders(e.request.headers, found);
    collectFromHeaders(e.response.headers, found);
  }
  // Longest first, so a value that contains another is replaced whole; tiny values would over-match.
  return [...found].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
}

function escapeRegExp(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Replaces every occurrence of every secret (raw and URL-encoded) in a text, as a
 * whole token only: `secret` goes, `client_secret` and a `password=` key stay.
 */
export function redactText(text: string, secrets: string[]): string {
  let out = text;
  for (const secret of secrets) {
    const label = redactedLabel(secret);
    for (const form of new Set([secret, encodeURIComponent(secret)])) {
      out = out.replace(new RegExp(`(?<![\\w.~+/-])${escapeRegExp(form)}(?![\\w.~+/-]|\\s*=|"\\s*:)`, "g"), label);
    }
  }
  return out;
}

/** Exchanges with secrets and tokens replaced by short fingerprints, wherever they appear. */
export function redactExchanges(exchanges: Exchange[]): Exchange[] {
  const secrets = collectSecrets(exchanges);
  const text = (s: string) => redactText(s, secrets);
  const headers = (h: Header[]): Header[] => h.map(([n, v]) => [n, text(v)]);
  return exchanges.map((e) => ({
    ...e,
    request: { ...e.request, url: text(e.request.url), headers: headers(e.request.headers), body: text(e.request.body) },
    response: { ...e.response, headers: headers(e.response.headers), body: text(e.response.body) },
  }));
}
