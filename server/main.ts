import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { createMockApp } from "./app.ts";
import { parseAllowedHosts } from "./host-guard.ts";
import { liveScriptSources, parseLiveHosts } from "./live/live-hosts.ts";
import { listen } from "./node-adapter.ts";
import { inlineScriptsOf, spaSecurityHeaders } from "./spa-headers.ts";

/** `npm start`: the built SPA and every mock provider from one process, one origin. */
const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST ?? "127.0.0.1";
const dist = process.env.DIST_DIR ? resolve(process.env.DIST_DIR) : resolve(import.meta.dirname, "../dist");
const publicHost = host === "127.0.0.1" || host === "0.0.0.0" || host === "::" ? "localhost" : host;

let indexHtml: string;
try {
  indexHtml = await readFile(resolve(dist, "index.html"), "utf8");
} catch {
  console.error("dist/index.html is missing: run `npm run build` first (npm start does it for you).");
  process.exit(1);
}

const liveHosts = parseLiveHosts(process.env.LIVE_HOSTS);
const { app } = createMockApp({ origins: [`http://${publicHost}:${port}`, `http://127.0.0.1:${port}`], allowedHosts: parseAllowedHosts(process.env.ALLOWED_HOSTS), liveHosts });

// A live target's JSONP loads straight from the real server (loopback or LIVE_HOSTS).
const spaHeaders = Object.entries(spaSecurityHeaders({ inlineScripts: inlineScriptsOf(indexHtml), scriptSources: liveScriptSources(liveHosts) }));
app.use("*", async (c, next) => {
  await next();
  for (const [name, value] of spaHeaders) c.header(name, value);
});
app.use("/assets/*", serveStatic({ root: dist, onFound: (_path, c) => c.header("Cache-Control", "public, max-age=31536000, immutable") }));
app.use("*", serveStatic({ root: dist }));
// Client-side routes (/spring/…, /callback) all get the SPA.
app.get("*", (c) => c.html(indexHtml));

listen(app, port, host, (actual) => {
  console.log(`OAuth Playground on http://${publicHost}:${actual} (mock providers under /mock, the live relay under /live)`);
});
