import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono } from "hono";
import { inlineScriptsOf, spaSecurityHeaders } from "./spa-headers.ts";

/**
 * The built SPA after the mock, on the same app (npm start): its files from `dist`, and
 * index.html for every client-side route (/spring/…, /callback, /w/<id>/…), all with the
 * SPA's security headers. A navigation into an unknown workspace gets the same page with
 * 404 (the workspace dispatch, which ran before, sees to that).
 */
export function serveSpa(app: Hono, dist: string, indexHtml: string, scriptSources: readonly string[] = []): void {
  // scriptSources: a live target's JSONP loads straight from the real server (loopback or LIVE_HOSTS).
  const headers = Object.entries(spaSecurityHeaders({ inlineScripts: inlineScriptsOf(indexHtml), scriptSources }));
  app.use("*", async (c, next) => {
    await next();
    for (const [name, value] of headers) c.header(name, value);
  });
  app.use("/assets/*", serveStatic({ root: dist, onFound: (_path, c) => c.header("Cache-Control", "public, max-age=31536000, immutable") }));
  app.use("*", serveStatic({ root: dist }));
  app.get("*", (c) => c.html(indexHtml));
}
