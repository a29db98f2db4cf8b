import { createHash } from "node:crypto";

export interface SpaPolicyOptions {
  /** Origins besides the playground's own that may serve scripts (JSONP from a live target's real server). */
  scriptSources?: readonly string[];
  /** Inline scripts of index.html (its theme script), allowed by their hash and nothing else. */
  inlineScripts?: readonly string[];
}

/** The texts of index.html's inline `<script>` elements (those without a src). */
export function inlineScriptsOf(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]!);
}

const hashSource = (script: string) => `'sha256-${createHash("sha256").update(script).digest("base64")}'`;

/**
 * The SPA's Content-Security-Policy. Scripts from its own origin only (its bundle and
 * the mocks' JSONP), plus `scriptSources`; no plugins, no <base>, never framed.
 * form-action is left out on purpose: Chrome applies it to the redirect that follows a
 * form post, and the mocks redirect to the client's registered redirect_uri.
 */
export function spaContentSecurityPolicy(options: SpaPolicyOptions = {}): string {
  const scripts = ["'self'", ...(options.inlineScripts ?? []).map(hashSource), ...(options.scriptSources ?? [])];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** What every SPA response carries: its CSP, and the same refusal to be framed for browsers without CSP. */
export function spaSecurityHeaders(options: SpaPolicyOptions = {}): Record<string, string> {
  return {
    "Content-Security-Policy": spaContentSecurityPolicy(options),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
  };
}

/** For `vite dev`: only the framing rules, since its hot reload needs inline and eval'd scripts. */
export const DEV_FRAMING_HEADERS: Record<string, string> = { "Content-Security-Policy": "frame-ancestors 'none'", "X-Frame-Options": "DENY" };
