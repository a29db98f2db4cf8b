/**
 * `npm run bench`: the mock's token endpoints under load, against a real OAuth server
 * (panva's oidc-provider answering client_credentials), with a bare node:http server as
 * the reference limit. The method and the figures are explained in docs/benchmarks.md.
 *
 * Every server runs in its own child process on loopback; autocannon drives them from
 * this process with 10 connections. The mock is the app `npm start` serves, traffic
 * recorder on, with one SSE client following its traffic stream. In each round every
 * target runs once, oidc-provider first; a token endpoint's ratio in a round is to that
 * round's oidc-provider run, and the median over the rounds is kept.
 *
 * Environment:
 *   BENCH_DURATION  seconds per run (default 4)
 *   BENCH_ROUNDS    rounds (default 3)
 *   BENCH_SOAK      seconds of the RSS soak on Pigai client_credentials (default 20; 0 skips it)
 *   BENCH_BASELINE  path of another checkout (e.g. main's): its mock runs in the same rounds, for a before/after
 *   BENCH_WRITE=1   also write the figures to bench/RESULTS.md
 */
import { writeFile } from "node:fs/promises";
import os from "node:os";
import { resolve } from "node:path";
import autocannon from "autocannon";
import { createWorkspace, followTraffic, lastExchangeId, otherAnswers, springRefreshToken, tokenEndpoints } from "./mock-requests.ts";
import { OIDC_CLIENT } from "./oidc-client.mjs";
import { start, startMock, type Child } from "./spawn.ts";

const DURATION = Number(process.env.BENCH_DURATION ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SOAK = Number(process.env.BENCH_SOAK ?? 20);
const BASELINE = process.env.BENCH_BASELINE;
const CONNECTIONS = 10;
const here = import.meta.dirname;

const TARGETS = { oidcRatio: 2, p99Ms: 5, rssGrowthMb: 50, sseDroppedShare: 0.01 };
/** Other kinds of answer may cost at most this many times a token answer's CPU (our own guard). */
const OTHER_ANSWER_GUARD = 3;

interface Row {
  name: string;
  rps: number;
  p99: number;
  errors: number;
  non2xx: number;
  total: number;
  /** Server CPU time (user + system) per request, µs: steadier than requests/s on a shared machine. */
  cpuPerRequest: number;
  /** The kernel's part of it (system time): mostly the socket writes. */
  systemPerRequest: number;
}

interface Target {
  name: string;
  server: Child;
  options: autocannon.Options;
  /** A token endpoint of this checkout's mock: the targets apply to it. */
  measured?: boolean;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function load(name: string, server: Child, options: autocannon.Options): Promise<Row> {
  const before = await server.stats();
  const result = await autocannon({ connections: CONNECTIONS, pipelining: 1, ...options });
  const after = await server.stats();
  const total = Math.max(1, result.requests.total);
  return {
    name,
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    total: result.requests.total,
    cpuPerRequest: (after.userMicros + after.systemMicros - before.userMicros - before.systemMicros) / total,
    systemPerRequest: (after.systemMicros - before.systemMicros) / total,
  };
}

/** One row from a target's runs: medians of rates and CPU, the worst p99, every error counted. */
function summarise(name: string, runs: Row[]): Row {
  return {
    name,
    rps: median(runs.map((r) => r.rps)),
    p99: Math.max(...runs.map((r) => r.p99)),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
    total: runs.reduce((n, r) => n + r.total, 0),
    cpuPerRequest: median(runs.map((r) => r.cpuPerRequest)),
    systemPerRequest: median(runs.map((r) => r.systemPerRequest)),
  };
}

const originOf = (child: Child) => `http://127.0.0.1:${child.port}`;
const mb = (bytes: number) => bytes / 1024 / 1024;
const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const times = (x: number) => `${x.toFixed(2)}×`;
const FORM = { "content-type": "application/x-www-form-urlencoded" };

async function main() {
  const startedAt = performance.now();
  console.log(`bench: ${CONNECTIONS} connections, ${ROUNDS} rounds of ${DURATION} s per target, soak ${SOAK} s; ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "?"}), Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  const bare = await start([resolve(here, "bare-server.mjs")]);
  const oidc = await start([resolve(here, "oidc-server.mjs")]);
  const mock = await startMock();
  const unrecorded = await startMock({ BENCH_RECORD: "0" });
  const baseline = BASELINE ? await start(["--import", "tsx", resolve(BASELINE, "bench/serve-mock.ts")], {}, resolve(BASELINE)) : undefined;
  const children = [bare, oidc, mock, unrecorded, ...(baseline ? [baseline] : [])];
  const sse = followTraffic(mock.port);
  try {
    await sse.ready;
    const endpoints = tokenEndpoints(originOf(mock), await springRefreshToken(originOf(mock)));
    // The same token request inside a created workspace: what the /w/<id> dispatch adds.
    const [pigaiInWorkspace] = tokenEndpoints(`${originOf(mock)}${await createWorkspace(originOf(mock))}`, "");
    const [pigaiUnrecorded] = tokenEndpoints(originOf(unrecorded), "");
    const bareOptions: autocannon.Options = { url: `${originOf(bare)}/`, method: "POST", headers: FORM, body: "grant_type=client_credentials" };
    const oidcOptions: autocannon.Options = {
      url: `${originOf(oidc)}/token`,
      method: "POST",
      headers: { ...FORM, authorization: `Basic ${Buffer.from(`${OIDC_CLIENT.client_id}:${OIDC_CLIENT.client_secret}`).toString("base64")}` },
      body: "grant_type=client_credentials&scope=read",
    };
    const targets: Target[] = [
      { name: "oidc-provider client_credentials (comparison)", server: oidc, options: oidcOptions },
      ...endpoints.map(([name, options]) => ({ name, server: mock, options, measured: true })),
      { name: `${pigaiInWorkspace![0]}, in a created workspace`, server: mock, options: pigaiInWorkspace![1], measured: true },
      { name: "bare node:http, fixed JSON (reference)", server: bare, options: bareOptions },
      { name: `${pigaiUnrecorded![0]}, recorder off (reference)`, server: unrecorded, options: pigaiUnrecorded![1] },
    ];
    if (baseline) {
      const baselineEndpoints = tokenEndpoints(originOf(baseline), await springRefreshToken(originOf(baseline)));
      targets.push(...baselineEndpoints.map(([name, options]) => ({ name: `${name}, BENCH_BASELINE checkout`, server: baseline, options })));
    }

    // Warm every server up (JIT) before measuring.
    for (const target of targets) await load("warm-up", target.server, { ...target.options, duration: 1 });

    const runs = targets.map(() => [] as Row[]);
    const sseBefore = sse.count();
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, target] of targets.entries()) runs[i]!.push(await load(target.name, target.server, { ...target.options, duration: DURATION }));
    }
    const rows = targets.map((target, i) => summarise(target.name, runs[i]!));
    // Each target's ratio to oidc-provider (target 0) and to the bare server, round by round.
    const bareIndex = targets.findIndex((t) => t.server === bare);
    const perRound = (i: number, of: number) => runs[i]!.map((run, round) => run.rps / runs[of]![round]!.rps);
    const oidcRatios = targets.map((_, i) => perRound(i, 0));
    const bareRatios = targets.map((_, i) => perRound(i, bareIndex));

    await new Promise((r) => setTimeout(r, 500));
    const sseReceived = sse.count();
    const sseDropped = sse.dropped();
    const recorded = await lastExchangeId(originOf(mock));
    const measuredRequests = targets.reduce((n, t, i) => n + (t.measured ? rows[i]!.total : 0), 0);

    let soak: { before: number; after: number; row: Row } | undefined;
    if (SOAK > 0) {
      const before = (await mock.stats()).rss;
      const row = await load(`Pigai client_credentials, ${SOAK} s soak`, mock, { ...endpoints[0]![1], duration: SOAK });
      soak = { before, after: (await mock.stats()).rss, row };
    }

    // Other kinds of answer: pages, and an error sent before the body is read. Each once cost
    // three to four times a token answer through a slow path in the recorder; this guard keeps
    // such a path from coming back unnoticed. They run after the stream's count and the soak.
    const tokenCpu = rows[1]!.cpuPerRequest;
    const others: Row[] = [];
    for (const [name, options] of otherAnswers(originOf(mock))) others.push(await load(name, mock, { ...options, duration: Math.min(2, DURATION) }));

    // ----- report
    const lines = [
      "| target | requests/s | p99 ms | errors | non-2xx | vs oidc-provider | each round | vs bare | server CPU µs/req | of it, kernel | CPU vs oidc-provider |",
      "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ];
    for (const [i, r] of rows.entries()) {
      const range = (ratios: number[]) => `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}×`;
      lines.push(`| ${r.name} | ${fmt(r.rps)} | ${fmt(r.p99)} | ${r.errors} | ${r.non2xx} | ${times(median(oidcRatios[i]!))} | ${range(oidcRatios[i]!)} | ${times(median(bareRatios[i]!))} | ${fmt(r.cpuPerRequest, 1)} | ${fmt(r.systemPerRequest, 1)} | ${times(rows[0]!.cpuPerRequest / r.cpuPerRequest)} |`);
    }
    if (soak) lines.push(`| ${soak.row.name} | ${fmt(soak.row.rps)} | ${fmt(soak.row.p99)} | ${soak.row.errors} | ${soak.row.non2xx} | | | | ${fmt(soak.row.cpuPerRequest, 1)} | ${fmt(soak.row.systemPerRequest, 1)} | |`);
    const table = lines.join("\n");
    console.log(`\n${table}\n`);
    const otherLines = ["| other answer (mock, recorder on) | requests/s | server CPU µs/req | CPU vs Pigai token |", "|---|---:|---:|---:|"];
    for (const r of others) otherLines.push(`| ${r.name} | ${fmt(r.rps)} | ${fmt(r.cpuPerRequest, 1)} | ${(r.cpuPerRequest / tokenCpu).toFixed(2)}× |`);
    const otherTable = otherLines.join("\n");
    console.log(`${otherTable}\n`);

    const checks: Array<[string, boolean]> = [];
    for (const [i, target] of targets.entries()) {
      if (!target.measured) continue;
      const r = rows[i]!;
      const ratio = median(oidcRatios[i]!);
      checks.push([`${r.name}: ≥ ${TARGETS.oidcRatio}× oidc-provider's requests/s (${times(ratio)})`, ratio >= TARGETS.oidcRatio]);
      checks.push([`${r.name}: p99 < ${TARGETS.p99Ms} ms (${r.p99} ms)`, r.p99 < TARGETS.p99Ms]);
      checks.push([`${r.name}: 0 errors, 0 non-2xx (${r.errors}, ${r.non2xx})`, r.errors === 0 && r.non2xx === 0]);
    }
    // A reader that falls more than its backlog behind loses the oldest waiting exchanges and is told how many (#13's bound);
    // the target is that none is lost silently and that the bound is rarely reached (a reader sharing 2 cores with
    // autocannon and the mock at full load falls behind now and then; a person watching the panel never does).
    const sseLine = `SSE client received ${fmt(sseReceived)} of the ${fmt(recorded)} exchanges recorded and was told of ${fmt(sseDropped)} dropped while it was behind (${fmt(sseReceived - sseBefore)} received during the runs, which sent ${fmt(measuredRequests)} measured token requests and the warm-ups)`;
    checks.push([sseLine, sseReceived + sseDropped >= recorded && sseDropped <= recorded * TARGETS.sseDroppedShare]);
    if (soak) {
      const growth = mb(soak.after - soak.before);
      checks.push([`mock RSS ${fmt(mb(soak.before), 1)} MB before, ${fmt(mb(soak.after), 1)} MB after the ${SOAK} s soak (${growth >= 0 ? "+" : ""}${fmt(growth, 1)} MB)`, growth < TARGETS.rssGrowthMb]);
    }
    const slowest = others.reduce((a, b) => (b.cpuPerRequest > a.cpuPerRequest ? b : a));
    const guardLine = `guard (ours, not a target): no other answer costs more than ${OTHER_ANSWER_GUARD}× a Pigai token answer's CPU (slowest: ${slowest.name}, ${(slowest.cpuPerRequest / tokenCpu).toFixed(2)}×)`;
    checks.push([guardLine, slowest.cpuPerRequest <= OTHER_ANSWER_GUARD * tokenCpu]);
    if (baseline) {
      for (const [i, target] of targets.entries()) {
        if (!target.measured) continue;
        const other = targets.findIndex((t) => t.name === `${target.name}, BENCH_BASELINE checkout`);
        if (other < 0) continue;
        const ratios = perRound(i, other);
        const cpu = rows[other]!.cpuPerRequest / rows[i]!.cpuPerRequest;
        console.log(`     ${target.name}: this checkout / BENCH_BASELINE = ${times(median(ratios))} requests/s (rounds ${ratios.map(times).join(", ")}), ${times(cpu)} by CPU per request`);
      }
    }
    for (const [text, ok] of checks) console.log(`${ok ? "ok  " : "MISS"} ${text}`);
    const met = checks.every(([, ok]) => ok);
    const seconds = (performance.now() - startedAt) / 1000;
    console.log(met ? `\nall targets met (${fmt(seconds)} s)` : `\nsome targets missed (see MISS above; ${fmt(seconds)} s)`);

    if (process.env.BENCH_WRITE === "1") {
      const md = `# Bench results (\`npm run bench\`)

Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, Node ${process.version}, load average before the run ${os.loadavg()[0]!.toFixed(2)}; the run took ${fmt(seconds)} s.
autocannon, ${CONNECTIONS} connections, loopback, ${ROUNDS} rounds of ${DURATION} s per target; ratios are medians over the rounds, each to the same round's run of the other server. The mock is the app \`npm start\` serves, traffic recorder on, one SSE client following the traffic stream. See [docs/benchmarks.md](../docs/benchmarks.md).
Targets: every token endpoint ≥ ${TARGETS.oidcRatio}× oidc-provider's requests/s, p99 < ${TARGETS.p99Ms} ms, 0 errors; RSS growth < ${TARGETS.rssGrowthMb} MB over the soak.

${table}

${otherTable}

${checks.map(([text, ok]) => `- ${ok ? "" : "**Missed:** "}${text}.`).join("\n")}
`;
      await writeFile(resolve(here, "RESULTS.md"), md);
      console.log("wrote bench/RESULTS.md");
    }
  } finally {
    sse.close();
    for (const child of children) child.stop();
  }
}

await main();
