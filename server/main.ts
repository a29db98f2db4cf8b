import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { createMockApp } from "./app.ts";
import { parseAllowedHosts } from "./host-guard.ts";
import { liveScriptSources, parseLiveHosts } from "./live/live-hosts.ts";
import { listen } from "./node-adapter.ts";
import { serveSpa } from "./spa.ts";
import { idleLimitFrom } from "./workspaces.ts";

/** `npm start`: the built SPA and every mock provider from one process, one origin (PORT, HOST, ALLOWED_HOSTS, LIVE_HOSTS, WORKSPACE_IDLE_HOURS). */
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
const { app } = createMockApp({
  liveHosts,
  origins: [`http://${publicHost}:${port}`, `http://127.0.0.1:${port}`],
  allowedHosts: parseAllowedHosts(process.env.ALLOWED_HOSTS),
  workspaces: idleLimitFrom(process.env.WORKSPACE_IDLE_HOURS),
});

serveSpa(app, dist, indexHtml, liveScriptSources(liveHosts));

listen(app, port, host, (actual) => {
  console.log(`OAuth Playground on http://${publicHost}:${actual} (mock providers under /mock, the live relay under /live)`);
});
