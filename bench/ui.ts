/**
 * `npm run bench:ui`: does the traffic panel keep up? Starts the playground (the built SPA
 * and the mocks, as `npm start`) on a free port, opens Pigai's flow in the browser the e2e
 * suite uses, and measures in the page:
 * - first render: 500 recorded exchanges, from GET /traffic's answer to the rows on screen;
 * - burst: with 500 shown, 200 more recorded at once; the longest main-thread task
 *   (PerformanceObserver 'longtask', which reports every task over 50 ms);
 * - latency: one exchange at a time made by the page's own fetch, from the server's record
 *   time (the exchange's startedAt + durationMs, Date.now on the same machine) and from the
 *   fetch's start, to the frame after its row is in the list.
 * Redaction is on (the default), so its cost is in the figures (BENCH_UI_REDACT=0: off). Not a
 * test: it prints a table, and exits 1 when a target is missed. BENCH_UI_PROFILE=<file> writes a
 * CPU profile of the burst (DIST_DIR=<an unminified build> makes it readable).
 */
import { spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { chromium, type Page } from "@playwright/test";
import config from "../playwright.config.ts";

const SHOWN = 500;
const BURST = 200;
const SAMPLES = Number(process.env.BENCH_UI_SAMPLES ?? 60);
const TARGETS = { firstRenderMs: 300, longestTaskMs: 50, latencyP95Ms: 100 };

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });

async function startPlayground(port: number) {
  // Its own process group, so that stopping it stops npx's child too.
  const child = spawn("npx", ["tsx", "server/main.ts"], { env: { ...process.env, PORT: String(port), HOST: "127.0.0.1" }, stdio: ["ignore", "ignore", "inherit"], detached: true });
  const stop = () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  };
  const base = `http://localhost:${port}`;
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error("the playground exited: is dist/ built? (npm run bench:ui builds it)");
    try {
      if ((await fetch(`${base}/mock/_control/health`)).ok) return { base, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  stop();
  throw new Error("the playground did not start");
}

/** Pigai's client_credentials token request: a real exchange with a secret and a fresh token each time. */
async function tokenRequest(base: string) {
  const fixtures = (await (await fetch(`${base}/mock/_control/fixtures`)).json()) as { pigai: { clients: Array<{ client_id: string; client_secret: string }> } };
  const client = fixtures.pigai.clients[0]!;
  const body = new URLSearchParams({ grant_type: "client_credentials", client_id: client.client_id, client_secret: client.client_secret }).toString();
  return { url: `${base}/mock/pigai/oauth2/access_token`, body };
}

async function record(count: number, token: { url: string; body: string }) {
  const send = () => fetch(token.url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: token.body }).then((r) => r.text());
  await Promise.all(Array.from({ length: count }, send));
}

/** Watches the page: the traffic list's newest row, long tasks, and the time GET /traffic was answered. */
function instrument() {
  const w = window as unknown as { bench: { longTasks: number[]; newestAt: Map<number, number>; trafficAnswered?: number; firstRows?: number } };
  w.bench = { longTasks: [], newestAt: new Map() };
  new PerformanceObserver((list) => list.getEntries().forEach((e) => w.bench.longTasks.push(e.duration))).observe({ type: "longtask", buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as PerformanceResourceTiming[]) if (/\/mock\/_control\/traffic$/.test(e.name)) w.bench.trafficAnswered ??= e.responseEnd;
  }).observe({ type: "resource", buffered: true });
  new MutationObserver(() => {
    const rows = document.querySelectorAll<HTMLElement>('ol[aria-label="Traffic"] li[data-exchange]');
    if (rows.length === 0) return;
    const newest = Math.max(...[...rows].slice(0, 3).map((li) => Number(li.dataset.exchange)));
    if (w.bench.newestAt.has(newest)) return;
    const seen = performance.now();
    w.bench.newestAt.set(newest, seen);
    // The frame after the rows are in the DOM is the one that shows them.
    requestAnimationFrame(() => {
      w.bench.newestAt.set(newest, performance.timeOrigin + performance.now());
      if (w.bench.firstRows === undefined) w.bench.firstRows = performance.now();
    });
  }).observe(document, { childList: true, subtree: true });
}

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1]!;

async function latencySamples(page: Page, base: string, token: { url: string; body: string }) {
  const fromRecord: number[] = [];
  const fromFetch: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const sample = await page.evaluate(
      async ({ url, body }) => {
        const w = window as unknown as { bench: { newestAt: Map<number, number> } };
        const before = Math.max(0, ...w.bench.newestAt.keys());
        const sentAt = Date.now();
        await fetch(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });
        for (;;) {
          const id = [...w.bench.newestAt.keys()].find((k) => k > before);
          const at = id === undefined ? undefined : w.bench.newestAt.get(id);
          // Until its frame has run, the entry holds performance.now() (small), not a wall time.
          if (id !== undefined && at !== undefined && at > 1e12) return { id, shownAt: at, sentAt };
          await new Promise((r) => setTimeout(r, 2));
        }
      },
      { url: token.url, body: token.body },
    );
    const exchanges = (await (await fetch(`${base}/mock/_control/traffic`)).json()) as Array<{ id: number; startedAt: number; durationMs: number }>;
    const recorded = exchanges.find((e) => e.id === sample.id)!;
    fromRecord.push(sample.shownAt - (recorded.startedAt + recorded.durationMs));
    fromFetch.push(sample.shownAt - sample.sentAt);
    await page.waitForTimeout(20);
  }
  return { fromRecord, fromFetch };
}

async function main() {
  const port = await freePort();
  const playground = await startPlayground(port);
  const browser = await chromium.launch(config.use?.launchOptions);
  try {
    const token = await tokenRequest(playground.base);
    await fetch(`${playground.base}/mock/_control/reset`, { method: "POST" });
    await record(SHOWN, token);

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: "en-US" });
    if (process.env.BENCH_UI_REDACT === "0") await page.addInitScript(() => localStorage.setItem("oauth-playground.redaction", JSON.stringify({ state: { redact: false }, version: 0 })));
    await page.addInitScript(instrument);
    await page.goto(`${playground.base}/pigai`);
    await page.getByRole("heading", { name: `Traffic (${SHOWN})` }).waitFor();
    await page.waitForFunction(() => (window as unknown as { bench: { firstRows?: number } }).bench.firstRows !== undefined);
    const first = await page.evaluate(() => {
      const b = (window as unknown as { bench: { trafficAnswered?: number; firstRows: number; longTasks: number[] } }).bench;
      return { ms: b.firstRows - (b.trafficAnswered ?? 0), longest: Math.max(0, ...b.longTasks), rows: document.querySelectorAll('ol[aria-label="Traffic"] li').length };
    });

    await page.waitForTimeout(500);
    await page.evaluate(() => ((window as unknown as { bench: { longTasks: number[] } }).bench.longTasks = []));
    const newestBefore = await page.evaluate(() => Math.max(...(window as unknown as { bench: { newestAt: Map<number, number> } }).bench.newestAt.keys()));
    const profiler = process.env.BENCH_UI_PROFILE ? await page.context().newCDPSession(page) : undefined;
    if (profiler) {
      await profiler.send("Profiler.enable");
      await profiler.send("Profiler.start");
    }
    await record(BURST, token);
    await page.locator(`ol[aria-label="Traffic"] li[data-exchange="${newestBefore + BURST}"]`).waitFor();
    await page.waitForTimeout(300);
    if (profiler) {
      const { profile } = await profiler.send("Profiler.stop");
      await writeFile(process.env.BENCH_UI_PROFILE!, JSON.stringify(profile));
    }
    const burst = await page.evaluate(() => (window as unknown as { bench: { longTasks: number[] } }).bench.longTasks);

    const latency = await latencySamples(page, playground.base, token);

    const rows: Array<[string, string, string, boolean]> = [
      [`first render of ${SHOWN} exchanges (GET /traffic answered → rows on screen)`, `${first.ms.toFixed(0)} ms`, `< ${TARGETS.firstRenderMs} ms`, first.ms < TARGETS.firstRenderMs],
      [`burst of ${BURST} over ${SHOWN} shown: longest main-thread task`, burst.length ? `${Math.max(...burst).toFixed(0)} ms (${burst.length} over 50 ms)` : "none over 50 ms", `none over ${TARGETS.longestTaskMs} ms`, burst.length === 0],
      [`recorded → visible, p95 of ${SAMPLES} (server's record time)`, `${p95(latency.fromRecord).toFixed(0)} ms`, `< ${TARGETS.latencyP95Ms} ms`, p95(latency.fromRecord) < TARGETS.latencyP95Ms],
      [`page's fetch sent → visible, p95 of ${SAMPLES} (includes the request)`, `${p95(latency.fromFetch).toFixed(0)} ms`, `< ${TARGETS.latencyP95Ms} ms`, p95(latency.fromFetch) < TARGETS.latencyP95Ms],
    ];
    const width = Math.max(...rows.map((r) => r[0].length));
    console.log(`\ntraffic panel (Chromium ${browser.version()}, ${first.rows} rows in the page of ${SHOWN}, redaction ${process.env.BENCH_UI_REDACT === "0" ? "off" : "on"})\n`);
    console.log(`${"measure".padEnd(width)}  ${"result".padEnd(26)}  ${"target".padEnd(20)}  verdict`);
    for (const [name, result, target, pass] of rows) console.log(`${name.padEnd(width)}  ${result.padEnd(26)}  ${target.padEnd(20)}  ${pass ? "PASS" : "FAIL"}`);
    console.log(`\nlatency from record: median ${[...latency.fromRecord].sort((a, b) => a - b)[Math.floor(SAMPLES / 2)]!.toFixed(0)} ms, max ${Math.max(...latency.fromRecord).toFixed(0)} ms`);
    process.exitCode = rows.every((r) => r[3]) ? 0 : 1;
  } finally {
    await browser.close();
    playground.stop();
  }
}

await main();
