/**
 * Front-end budget, run by `npm test` after the build: the JavaScript the home
 * page loads before any provider is chosen must stay within 130 KB gzipped, and
 * no server code may reach the browser bundle.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

export const INITIAL_JS_BUDGET = 130 * 1024;
const SERVER_ONLY_MARKERS = ["JSESSIONID", "Content-Security-Policy", "getRequestListener", "frame-ancestors"];

export function initialScripts(dist: string): string[] {
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const srcs = [...html.matchAll(/<script[^>]+src="([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]!);
  return [...new Set(srcs)].map((src) => join(dist, src.replace(/^\//, "")));
}

export function checkBundle(dist = resolve(import.meta.dirname, "../dist")) {
  const initial = initialScripts(dist).map((file) => ({ file, gzip: gzipSync(readFileSync(file)).length }));
  const total = initial.reduce((sum, f) => sum + f.gzip, 0);
  const assets = join(dist, "assets");
  const leaks = readdirSync(assets)
    .filter((f) => f.endsWith(".js"))
    .flatMap((f) => {
      const text = readFileSync(join(assets, f), "utf8");
      return SERVER_ONLY_MARKERS.filter((m) => text.includes(m)).map((m) => `${f} contains "${m}"`);
    });
  return { initial, total, leaks };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { initial, total, leaks } = checkBundle();
  for (const f of initial) console.log(`  ${(f.gzip / 1024).toFixed(1).padStart(6)} KB gz  ${f.file}`);
  console.log(`initial JavaScript: ${(total / 1024).toFixed(1)} KB gzipped (budget ${INITIAL_JS_BUDGET / 1024} KB)`);
  let failed = false;
  if (total > INITIAL_JS_BUDGET) {
    console.error("FAIL: over the initial JavaScript budget");
    failed = true;
  }
  for (const leak of leaks) console.error(`FAIL: server code in the browser bundle: ${leak}`);
  if (leaks.length) failed = true;
  process.exit(failed ? 1 : 0);
}
