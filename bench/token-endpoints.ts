/**
 * `npm run bench`: the mock's token endpoints under load, against a bare
 * node:http server answering a fixed JSON body.
 *
 * Each server runs in its own child process on loopback (bench/bare-server.mjs and
 * bench/serve-mock.ts, the latter exactly the app `npm start` serves, traffic
 * recorder on); autocannon drives them from this process with 10 connections. A
 * third, reference-only row (bench/hono-server.ts) answers the bare server's JSON
 * from a Hono route on @hono/node-server: what the framework alone costs. Three more,
 * also reference-only, send the same token requests to the mock with its recorder off
 * (BENCH_RECORD=0): what recording every exchange costs, and what the endpoint costs
 * without it. Another, the budget row, is the bare server again with
 * BENCH_BUSY_US (default 20) µs of busy work before each answer: how much work per
 * request the ratio target leaves on this machine. CPU time is reported with the
 * kernel's part (system time) apart, because that part is not fixed: each socket write
 * costs more as the server slows.
 *
 * Environment:
 *   BENCH_DURATION  seconds per run (default 5)
 *   BENCH_ROUNDS    rounds of runs (default 3): bare server, then every target, each round
 *   BENCH_SOAK      seconds of the RSS soak on Pigai client_credentials (default 60; 0 skips it)
 *   BENCH_SSE=0     no SSE client on the traffic stream (default: one)
 *   BENCH_WRITE=1   also write the figures to bench/RESULTS.md
 *
 * Besides requests/s and latency it reports the server's CPU time per request
 * (from process.cpuUsage() in the child), which stays comparable when other
 * work shares the machine. After the targets it times four other kinds of answer (pages,
 * an error before the body is read) against a token answer, as a guard against slow paths.
 * The bare server runs before every round and once after the last, and each target's
 * ratio is taken to the bare runs around it, then the median over the rounds is kept:
 * on a shared machine the bare server's own rate moves by a third within minutes, and one
 * bare run at the start made every later ratio depend on that moment.
 * Total time with the defaults: about 5 minutes.
 *
 * During every run one Server-Sent Events client follows /mock/_control/traffic/stream
 * and counts the exchanges it receives, to show the stream keeps up without
 * holding responses back.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import { resolve } from "node:path";
import autocannon from "autocannon";

const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SOAK = Number(process.env.BENCH_SOAK ?? 60);
const CONNECTIONS = 10;
const BARE = "bare node:http (fixed JSON)";
const FORM = { "content-type": "application/x-www-form-urlencoded" };
/** The budget row's busy work per request, µs (see bench/bare-server.mjs). */
const BUSY_US = Number(process.env.BENCH_BUSY_US ?? 20);
const here = import.meta.dirname;

const TARGETS = {
  ratio: 0.4,
  p99Ms: 5,
  rssGrowthMb: 50,
};

// ---------------------------------------------------------------------------
// Child processes

interface Stats {
  rss: number;
  heapUsed: number;
  userMicros: number;
  systemMicros: number;
}

interface Child {
  proc: ChildProcess;
  port: number;
  /** Memory and CPU time used so far (µs, user + system) of the child. */
  stats(): Promise<Stats>;
  stop(): void;
}

function start(args: string[], env: Record<string, string> = {}): Promise<Child> {
  return new Promise((resolvePromise, reject) => {
    const proc = spawn(process.execPath, args, { cwd: resolve(here, ".."), env: { ...process.env, ...env }, stdio: ["ignore", "inherit", "inherit", "ipc"] });
    proc.once("error", reject);
    proc.once("exit", (code) => reject(new Error(`${args.join(" ")} exited with ${code}`)));
    proc.once("message", (msg: { port: number }) => {
      resolvePromise({
        proc,
        port: msg.port,
        stats: () =>
          new Promise((res) => {
            proc.once("message", (m) => res(m as Stats));
            proc.send("stats");
          }),
        stop: () => {
          proc.removeAllListeners("exit");
          proc.disconnect();
        },
      });
    });
  });
}

/** Other kinds of answer may cost at most this many times a token answer's CPU (our own guard). */
const OTHER_ANSWER_GUARD = 3;

/** Answers that take other paths through the mock and its recorder than a token answer does. */
function otherAnswers(base: string): Array<[string, autocannon.Options]> {
  return [
    ["Spring login page (HTML)", { url: `${base}/mock/spring/login` }],
    ["Pigai 405, body never read", { url: `${base}/mock/pigai/oauth2/authorize2`, method: "POST", headers: FORM, body: "client_id=pg5f3c9a1e7b2d4c68" }],
    ["Spring 404", { url: `${base}/mock/spring/nowhere` }],
    ["PPMessage 应用授权 page (HTML)", { url: `${base}/mock/ppmessage/ppauth/auth?response_type=code&client_id=3d6e2a9c-5b1f-11e6-9c4e-acbc32d7e3f1&redirect_uri=http://you-site.com&state=s` }],
  ];
}

// ---------------------------------------------------------------------------
// HTTP helpers (setup only; the load is autocannon's)

async function springRefreshToken(base: string): Promise<string> {
  const authorize = `${base}/mock/spring/oauth/authorize?response_type=code&client_id=trusted-client&redirect_uri=http://localhost`;
  const first = await fetch(authorize, { redirect: "manual" });
  const cookie = (first.headers.get("set-cookie") ?? "").split(";")[0]!;
  await fetch(`${base}/mock/spring/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", cookie },
    body: "username=user&password=password",
  });
  const approved = await fetch(authorize, { redirect: "manual", headers: { cookie } });
  const code = new URL(approved.headers.get("location")!).searchParams.get("code");
  if (!code) throw new Error(`no code from the Spring authorize dance (status ${approved.status})`);
  const token = await fetch(`${base}/mock/spring/oauth/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: `grant_type=authorization_code&code=${code}&redirect_uri=http://localhost&client_id=trusted-client&client_secret=trusted-secret`,
  });
  const body = (await token.json()) as { refresh_token?: string };
  if (!body.refresh_token) throw new Error(`no refresh token: ${JSON.stringify(body)}`);
  return body.refresh_token;
}

/** Id of the newest recorded exchange: the number recorded since start. */
async function lastExchangeId(base: string): Promise<number> {
  const list = (await (await fetch(`${base}/mock/_control/traffic`)).json()) as Array<{ id: number }>;
  return list.at(-1)?.id ?? 0;
}

/**
 * One SSE client on the traffic stream, counting exchanges as they arrive. It counts frames
 * in the raw bytes instead of decoding and splitting text: it shares this process with
 * autocannon, and a follower that parsed every line cost the load generator a fifth of its
 * requests (measured), which the mock's figures then wrongly carried.
 */
function followTraffic(port: number) {
  // Every exchange frame follows the blank line that ends the one before (JSON has no raw newline).
  const frame = Buffer.from("\nevent: exchange\n");
  let exchanges = 0;
  let tail = Buffer.alloc(0);
  let response: IncomingMessage | undefined;
  const ready = new Promise<void>((resolvePromise, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path: "/mock/_control/traffic/stream", headers: { accept: "text/event-stream" } }, (res) => {
      response = res;
      res.on("data", (chunk: Buffer) => {
        // A frame cut between two chunks is found in the previous chunk's last bytes joined to this one.
        const bytes = tail.length ? Buffer.concat([tail, chunk]) : chunk;
        if (exchanges === 0 && bytes.includes("event: ready\n")) resolvePromise();
        for (let at = bytes.indexOf(frame); at !== -1; at = bytes.indexOf(frame, at + frame.length)) exchanges++;
        tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - frame.length + 1)));
      });
    });
    req.on("error", reject);
    req.end();
  });
  return { ready, count: () => exchanges, close: () => response?.destroy() };
}

// ---------------------------------------------------------------------------

interface Row {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  total: number;
  /** Server CPU time (user + system) per request, µs: independent of what else the machine runs. */
  cpuPerRequest: number;
  /** The kernel's part of it (system time): mostly the socket writes. */
  systemPerRequest: number;
  /** A reference row: printed for comparison, no target applies. */
  reference?: boolean;
  /** Median over the rounds of the ratio to the bare server's requests/s around each run. */
  ratio?: number;
  ratioRange?: [number, number];
  cpuRatio?: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** One row from a target's runs: medians of rates and CPU, the worst p99, every error counted. */
function summarise(name: string, runs: Row[]): Row {
  return {
    name,
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p99: Math.max(...runs.map((r) => r.p99)),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
    total: runs.reduce((n, r) => n + r.total, 0),
    cpuPerRequest: median(runs.map((r) => r.cpuPerRequest)),
    systemPerRequest: median(runs.map((r) => r.systemPerRequest)),
  };
}

async function load(name: string, server: Child, options: autocannon.Options): Promise<Row> {
  const before = await server.stats();
  const result = await autocannon({ connections: CONNECTIONS, pipelining: 1, ...options });
  const after = await server.stats();
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    total: result.requests.total,
    cpuPerRequest: (after.userMicros + after.systemMicros - before.userMicros - before.systemMicros) / Math.max(1, result.requests.total),
    systemPerRequest: (after.systemMicros - before.systemMicros) / Math.max(1, result.requests.total),
  };
}

/** The three token requests the targets are about, against the mock at `base`. */
function tokenEndpoints(base: string, refreshToken: string): Array<[string, autocannon.Options]> {
  return [
    [
      "Pigai client_credentials",
      {
        url: `${base}/mock/pigai/oauth2/access_token`,
        method: "POST",
        headers: FORM,
        body: "grant_type=client_credentials&client_id=pg5f3c9a1e7b2d4c68&client_secret=e2b7c1d94f6a0385b1c7d2e9f4a6b803",
      },
    ],
    [
      "Spring refresh_token",
      {
        url: `${base}/mock/spring/oauth/token`,
        method: "POST",
        headers: { ...FORM, authorization: `Basic ${Buffer.from("trusted-client:trusted-secret").toString("base64")}` },
        body: `grant_type=refresh_token&refresh_token=${encodeURIComponent(refreshToken)}`,
      },
    ],
    [
      "Easemob app token",
      {
        url: `${base}/mock/easemob/easemob-demo/testapp/token`,
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ grant_type: "client_credentials", client_id: "YXA6i-Ak8Ol4Eei2l11ZjV-EAg", client_secret: "YXA6VunqiNxoB7IwXHInk1cGiXOOJfc" }),
      },
    ],
  ];
}

const originOf = (child: Child) => `http://127.0.0.1:${child.port}`;
const mb = (bytes: number) => bytes / 1024 / 1024;
const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main() {
  console.log(`bench: ${CONNECTIONS} connections, ${ROUNDS} rounds of ${DURATION} s per target, soak ${SOAK} s; ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "?"}), Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  const bare = await start([resolve(here, "bare-server.mjs")]);
  const busy = await start([resolve(here, "bare-server.mjs")], { BENCH_BUSY_US: String(BUSY_US) });
  const hono = await start(["--import", "tsx", resolve(here, "hono-server.ts")]);
  const mock = await start(["--import", "tsx", resolve(here, "serve-mock.ts")]);
  const unrecorded = await start(["--import", "tsx", resolve(here, "serve-mock.ts")], { BENCH_RECORD: "0" });
  const base = originOf(mock);
  const sse = process.env.BENCH_SSE === "0" ? undefined : followTraffic(mock.port);
  try {
    await sse?.ready;
    const endpoints = tokenEndpoints(base, await springRefreshToken(base));
    // The same requests to the mock with its recorder off (a refresh token of its own).
    const unrecordedBase = originOf(unrecorded);
    const unrecordedEndpoints = tokenEndpoints(unrecordedBase, await springRefreshToken(unrecordedBase));

    // Warm every server up (JIT) before measuring.
    for (const server of [bare, hono, busy]) await load("warm-up", server, { url: `${originOf(server)}/`, method: "POST", body: "x=1", duration: 2 });
    for (const [, options] of endpoints) await load("warm-up", mock, { ...options, duration: 1 });
    for (const [, options] of unrecordedEndpoints) await load("warm-up", unrecorded, { ...options, duration: 1 });

    // Rounds: the bare server, then every target, ROUNDS times, and the bare server once more.
    // Each target's ratio in a round is to the mean of the two bare runs around it, so a
    // machine that gets busier or quieter during the run moves both sides of the ratio.
    const bareOptions: autocannon.Options = { url: `${originOf(bare)}/`, method: "POST", headers: FORM, body: "grant_type=client_credentials" };
    const targets: Array<{ name: string; server: Child; options: autocannon.Options; reference?: boolean }> = [
      // Reference only: the bare server made slower by fixed busy work, what the ratio target leaves to spend.
      { name: `bare node:http + ${BUSY_US} µs busy work per request (budget)`, server: busy, options: { ...bareOptions, url: `${originOf(busy)}/` }, reference: true },
      // Reference only (no target): the framework alone, answering the same JSON.
      { name: "Hono on @hono/node-server (same fixed JSON)", server: hono, options: { ...bareOptions, url: `${originOf(hono)}/` }, reference: true },
      // Reference only: the same mock with the recorder off, to show what recording every exchange costs.
      ...unrecordedEndpoints.map(([name, options]) => ({ name: `${name}, recorder off (reference)`, server: unrecorded, options, reference: true })),
      ...endpoints.map(([name, options]) => ({ name, server: mock, options })),
    ];
    const bareRuns: Row[] = [];
    const runs = targets.map(() => [] as Row[]);
    const sseBefore = sse?.count() ?? 0;
    for (let round = 0; round < ROUNDS; round++) {
      bareRuns.push(await load(BARE, bare, { ...bareOptions, duration: DURATION }));
      for (const [i, target] of targets.entries()) runs[i]!.push(await load(target.name, target.server, { ...target.options, duration: DURATION }));
    }
    bareRuns.push(await load(BARE, bare, { ...bareOptions, duration: DURATION }));
    const bareAround = (round: number) => (bareRuns[round]!.rps + bareRuns[round + 1]!.rps) / 2;
    const bareCpuAround = (round: number) => (bareRuns[round]!.cpuPerRequest + bareRuns[round + 1]!.cpuPerRequest) / 2;
    const bareRow = summarise(BARE, bareRuns);
    const rows: Row[] = [bareRow];
    let mockRequests = 0;
    for (const [i, target] of targets.entries()) {
      const row = summarise(target.name, runs[i]!);
      const ratios = runs[i]!.map((run, round) => run.rps / bareAround(round));
      row.ratio = median(ratios);
      row.ratioRange = [Math.min(...ratios), Math.max(...ratios)];
      row.cpuRatio = median(runs[i]!.map((run, round) => bareCpuAround(round) / run.cpuPerRequest));
      if (target.reference) row.reference = true;
      else mockRequests += row.total;
      rows.push(row);
    }
    // Give the stream a moment to flush what is still queued, then compare with what the
    // log recorded since the client connected (ids count every exchange, warm-ups included).
    await new Promise((r) => setTimeout(r, 500));
    const sseReceived = sse?.count() ?? 0;
    const recorded = await lastExchangeId(base);
    const duringRuns = sseReceived - sseBefore;

    let soak: { seconds: number; before: Stats; after: Stats; row: Row } | undefined;
    if (SOAK > 0) {
      const before = await mock.stats();
      const row = await load(`Pigai client_credentials, ${SOAK} s soak`, mock, { ...endpoints[0]![1], duration: SOAK });
      row.ratio = row.rps / bareRow.rps;
      row.cpuRatio = bareRow.cpuPerRequest / row.cpuPerRequest;
      const after = await mock.stats();
      soak = { seconds: SOAK, before, after, row };
    }

    // Other kinds of answer, in shorter runs: pages, and an error sent before the body is
    // read. Both once cost three to four times a token answer, through slow paths in the
    // recorder; this guard keeps such a path from coming back unnoticed. They run last, after
    // the stream's count and the soak, which are about the token endpoints. Large bodies are
    // left out: a 64 KB body is recorded and streamed in full, so it rightly costs many times
    // a token answer.
    const tokenCpu = rows.find((r) => r.name === endpoints[0]![0])!.cpuPerRequest;
    const others: Row[] = [];
    for (const [name, options] of otherAnswers(base)) others.push(await load(name, mock, { ...options, duration: Math.min(3, DURATION) }));

    // ----- report
    const header = "| target | requests/s | p50 ms | p99 ms | errors | non-2xx | ratio to bare | ratio, each round | server CPU µs/req | of it, kernel | CPU ratio |";
    const lines = [header, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"];
    for (const r of [...rows, ...(soak ? [soak.row] : [])]) {
      const ratio = (x: number | undefined) => (x === undefined ? "1.00×" : `${x.toFixed(2)}×`);
      const range = r.ratioRange ? `${r.ratioRange[0].toFixed(2)}–${r.ratioRange[1].toFixed(2)}×` : "";
      lines.push(`| ${r.name} | ${fmt(r.rps)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${r.errors} | ${r.non2xx} | ${ratio(r.ratio)} | ${range} | ${fmt(r.cpuPerRequest, 1)} | ${fmt(r.systemPerRequest, 1)} | ${ratio(r.cpuRatio)} |`);
    }
    const table = lines.join("\n");
    console.log(`\n${table}\n`);
    const otherLines = ["| other answer (mock, recorder on) | requests/s | server CPU µs/req | CPU vs Pigai token |", "|---|---:|---:|---:|"];
    for (const r of others) otherLines.push(`| ${r.name} | ${fmt(r.rps)} | ${fmt(r.cpuPerRequest, 1)} | ${(r.cpuPerRequest / tokenCpu).toFixed(2)}× |`);
    const otherTable = otherLines.join("\n");
    console.log(`${otherTable}\n`);
    const slowest = others.reduce((a, b) => (b.cpuPerRequest > a.cpuPerRequest ? b : a));
    const guardOk = slowest.cpuPerRequest <= OTHER_ANSWER_GUARD * tokenCpu;
    const guardLine = `guard (ours, not a target): no other answer costs more than ${OTHER_ANSWER_GUARD}× a Pigai token answer's CPU (slowest: ${slowest.name}, ${(slowest.cpuPerRequest / tokenCpu).toFixed(2)}×)`;
    console.log(`${guardOk ? "ok  " : "LOOK"} ${guardLine}\n`);

    const checks: Array<[string, boolean]> = [];
    for (const r of rows.slice(1).filter((row) => !row.reference)) {
      checks.push([`${r.name}: ≥ ${TARGETS.ratio}× bare (${r.ratio!.toFixed(2)}×)`, r.ratio! >= TARGETS.ratio]);
      checks.push([`${r.name}: p99 < ${TARGETS.p99Ms} ms (${r.p99} ms)`, r.p99 < TARGETS.p99Ms]);
      checks.push([`${r.name}: 0 errors, 0 non-2xx (${r.errors}, ${r.non2xx})`, r.errors === 0 && r.non2xx === 0]);
    }
    const sseLine = `SSE client received ${fmt(sseReceived)} of the ${fmt(recorded)} exchanges recorded (${fmt(duringRuns)} during the ${fmt(mockRequests)} measured requests)`;
    if (sse) checks.push([sseLine, sseReceived >= recorded]);
    let rssLine = "RSS soak skipped (BENCH_SOAK=0)";
    if (soak) {
      const growth = mb(soak.after.rss - soak.before.rss);
      rssLine = `mock RSS ${fmt(mb(soak.before.rss), 1)} MB before, ${fmt(mb(soak.after.rss), 1)} MB after the ${soak.seconds} s soak (${growth >= 0 ? "+" : ""}${fmt(growth, 1)} MB; heap ${fmt(mb(soak.before.heapUsed ?? 0), 1)} → ${fmt(mb(soak.after.heapUsed ?? 0), 1)} MB)`;
      checks.push([rssLine, growth < TARGETS.rssGrowthMb]);
      checks.push([`soak: 0 errors, 0 non-2xx (${soak.row.errors}, ${soak.row.non2xx})`, soak.row.errors === 0 && soak.row.non2xx === 0]);
    }
    for (const [text, ok] of checks) console.log(`${ok ? "ok  " : "MISS"} ${text}`);
    const met = checks.every(([, ok]) => ok);
    console.log(met ? "\nall targets met" : "\nsome targets missed (see MISS above)");

    if (process.env.BENCH_WRITE === "1") {
      const md = `# Bench results (\`npm run bench\`)

Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, Node ${process.version}, load average before the run ${os.loadavg()[0]!.toFixed(2)}.
autocannon, ${CONNECTIONS} connections, loopback, ${ROUNDS} rounds of ${DURATION} s per target, each round between two runs of the bare server (ratios are medians over the rounds, each to the mean of the bare runs around it); each server in its own process (reference rows: the bare server with ${BUSY_US} µs of busy work per request, what the ratio target leaves to spend; Hono alone, the framework's cost; the mock with its recorder off, what recording costs); the mock is the app \`npm start\` serves, traffic recorder on, one SSE client following the traffic stream.
Targets: ≥ ${TARGETS.ratio}× the bare server, p99 < ${TARGETS.p99Ms} ms, 0 errors, RSS growth < ${TARGETS.rssGrowthMb} MB over the soak.

${table}

${otherTable}

- ${sseLine}.
- ${guardOk ? "Within" : "Outside"} the ${guardLine.replace(/^guard \(ours, not a target\): /, "guard: ")}.
- ${rssLine}.
- ${met ? "All targets met." : `Missed: ${checks.filter(([, ok]) => !ok).map(([t]) => t).join("; ")}.`}
`;
      await writeFile(resolve(here, "RESULTS.md"), md);
      console.log("wrote bench/RESULTS.md");
    }
    process.exitCode = 0;
  } finally {
    sse?.close();
    bare.stop();
    busy.stop();
    hono.stop();
    unrecorded.stop();
    mock.stop();
  }
}

await main();
