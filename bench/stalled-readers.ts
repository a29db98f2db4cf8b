/**
 * Traffic-stream clients that never read, against the mock in its own process: N of them
 * follow /mock/_control/traffic/stream and stop reading, while token requests with 60 KB
 * bodies are recorded (each streamed to every follower) and health is timed throughout.
 * `tsx bench/stalled-readers.ts` runs the full case (300 readers, 2,000 requests);
 * server/stalled-readers.test.ts runs a smaller one in `npm test`.
 */
import net from "node:net";
import { fileURLToPath } from "node:url";
import { startMock } from "./spawn.ts";

export interface StalledCase {
  readers: number;
  requests: number;
  bodyBytes: number;
  /** Requests in flight at once. */
  concurrency: number;
}

export interface StalledResult {
  healthMaxMs: number;
  healthP99Ms: number;
  healthChecks: number;
  rssBeforeMb: number;
  rssAfterMb: number;
  seconds: number;
  /** What the readers got once they read again: the most any one received, and how many were told of drops. */
  maxReceivedMb: number;
  toldOfDrops: number;
}

/** Lets a stalled reader read again and collects what comes until it goes quiet. */
function drain(socket: net.Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = "";
    let quiet: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      socket.removeAllListeners("data");
      resolve(text);
    };
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => {
      text += chunk;
      clearTimeout(quiet);
      quiet = setTimeout(done, 300);
    });
    quiet = setTimeout(done, 1000);
    socket.resume();
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function measureStalledReaders(run: StalledCase): Promise<StalledResult> {
  const mock = await startMock();
  const base = `http://127.0.0.1:${mock.port}`;
  const body = `grant_type=client_credentials&client_id=pg5f3c9a1e7b2d4c68&client_secret=e2b7c1d94f6a0385b1c7d2e9f4a6b803&pad=${"x".repeat(Math.max(0, run.bodyBytes - 120))}`;
  const token = async () => (await fetch(`${base}/mock/pigai/oauth2/access_token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body })).arrayBuffer();
  const stalled: net.Socket[] = [];
  try {
    for (let i = 0; i < 20; i++) await token();
    for (let i = 0; i < run.readers; i++) {
      const socket = net.connect(mock.port, "127.0.0.1", () => socket.write(`GET /mock/_control/traffic/stream HTTP/1.1\r\nHost: 127.0.0.1:${mock.port}\r\n\r\n`));
      socket.pause();
      socket.on("error", () => {});
      stalled.push(socket);
    }
    await sleep(300);
    const rssBefore = (await mock.stats()).rss;
    const started = performance.now();
    let sent = 0;
    const post = async () => {
      while (sent < run.requests) {
        sent++;
        await token();
      }
    };
    const health: number[] = [];
    let loading = true;
    const probe = async () => {
      while (loading) {
        const t = performance.now();
        const res = await fetch(`${base}/mock/_control/health`);
        await res.arrayBuffer();
        health.push(performance.now() - t);
        await sleep(20);
      }
    };
    const probing = probe();
    await Promise.all(Array.from({ length: run.concurrency }, post));
    loading = false;
    await probing;
    const seconds = (performance.now() - started) / 1000;
    const rssAfter = (await mock.stats()).rss;
    const received = await Promise.all(stalled.map(drain));
    const sorted = [...health].sort((a, b) => a - b);
    return {
      healthMaxMs: sorted.at(-1) ?? 0,
      healthP99Ms: sorted[Math.floor(sorted.length * 0.99)] ?? 0,
      healthChecks: health.length,
      rssBeforeMb: rssBefore / 1024 / 1024,
      rssAfterMb: rssAfter / 1024 / 1024,
      seconds,
      maxReceivedMb: Math.max(0, ...received.map((t) => t.length)) / 1024 / 1024,
      toldOfDrops: received.filter((t) => t.includes("event: dropped")).length,
    };
  } finally {
    for (const socket of stalled) socket.destroy();
    mock.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const run: StalledCase = { readers: Number(process.env.READERS ?? 300), requests: Number(process.env.REQUESTS ?? 2000), bodyBytes: 60 * 1024, concurrency: 10 };
  const r = await measureStalledReaders(run);
  console.log(
    `${run.readers} stalled readers, ${run.requests} token requests of ${run.bodyBytes / 1024} KB in ${r.seconds.toFixed(1)} s: ` +
      `health max ${r.healthMaxMs.toFixed(1)} ms, p99 ${r.healthP99Ms.toFixed(1)} ms over ${r.healthChecks} checks; mock RSS ${r.rssBeforeMb.toFixed(0)} → ${r.rssAfterMb.toFixed(0)} MB; readers got at most ${r.maxReceivedMb.toFixed(1)} MB each once they read again, ${r.toldOfDrops} of them told of dropped exchanges`,
  );
}
