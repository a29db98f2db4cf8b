import { readFileSync } from "node:fs";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { parseAllowedHosts } from "./server/host-guard.ts";
import { liveScriptSources, parseLiveHosts } from "./server/live/live-hosts.ts";
import { DEV_FRAMING_HEADERS, inlineScriptsOf, spaSecurityHeaders } from "./server/spa-headers.ts";
import { mockProviders } from "./server/vite-plugin.ts";

// The same names for Vite's own host check (names only: it ignores ports) and for the mock's.
const allowedHosts = parseAllowedHosts(process.env.ALLOWED_HOSTS);
const viteHosts = [...new Set(allowedHosts.map((h) => h.replace(/:\d+$/, "").replace(/^\[(.*)\]$/, "$1")))];
const liveHosts = parseLiveHosts(process.env.LIVE_HOSTS);

export default defineConfig({
  plugins: [react(), tailwindcss(), mockProviders(allowedHosts, liveHosts)],
  server: { port: 5173, strictPort: true, allowedHosts: viteHosts, headers: DEV_FRAMING_HEADERS },
  preview: { port: 4173, strictPort: true, allowedHosts: viteHosts, headers: spaSecurityHeaders({ inlineScripts: inlineScriptsOf(readFileSync("index.html", "utf8")), scriptSources: liveScriptSources(liveHosts) }) },
  build: { target: "es2022", chunkSizeWarningLimit: 400 },
});
