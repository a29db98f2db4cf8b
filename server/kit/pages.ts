import type { Context } from "hono";
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

/**
 * The login and consent pages the mocks render. Every interpolated value goes
 * through hono/html's escaping; these headers keep the pages from being framed
 * or running injected script. form-action is left out on purpose: Chrome
 * applies it to the redirect that follows a form post, and that redirect goes
 * to the client's (registered) redirect_uri.
 */
export const PAGE_SECURITY_HEADERS: Record<string, string> = {
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'",
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
};

export interface PageOptions {
  title: string;
  lang?: string;
  style?: string;
  status?: 200 | 400 | 401 | 403 | 404 | 405 | 413 | 415;
  body: HtmlEscapedString | Promise<HtmlEscapedString>;
}

export async function renderPage(c: Context, options: PageOptions): Promise<Response> {
  for (const [name, value] of Object.entries(PAGE_SECURITY_HEADERS)) c.header(name, value);
  const page = await html`<!doctype html>
<html lang="${options.lang ?? "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title}</title>
<style>${raw(options.style ?? "")}</style>
</head>
<body>
${options.body}
</body>
</html>`;
  // A plain string, not c.html()'s String object: @hono/node-server writes a string body
  // as it is, where the String object would go through a web stream.
  return c.body(page.toString(), options.status ?? 200, { "content-type": "text/html; charset=UTF-8" });
}

/** Hidden inputs that carry parameters through a form post. */
export function hiddenFields(fields: Record<string, string | undefined>) {
  return Object.entries(fields)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`);
}
