/**
 * The mock as `npm start` serves it (one Hono app on @hono/node-server, traffic
 * recorder on), for `npm run bench`. Listens on loopback, on PORT or an
 * ephemeral port, and reports the port to its parent over IPC (or prints it).
 *
 * One difference from `npm start`, for the bench only: Easemob's token rate
 * limit (more than 5 token requests a minute → 429 and a ban) is lifted, or the
 * bench would measure nothing but 429s. BENCH_EASEMOB_RATE_LIMIT=<n> sets a
 * limit instead (the default behaviour of the app itself is unchanged).
 * BENCH_RECORD=0 turns the traffic recorder off, for the bench's reference row only.
 */
import { serve } from "@hono/node-server";
import { createMockApp } from "../server/app.ts";
import { reportListening } from "./child.mjs";

const limit = process.env.BENCH_EASEMOB_RATE_LIMIT;
const { app } = createMockApp({
  providerSettings: { easemob: { rate_limit_max_requests: limit ? Number(limit) : null } },
  recordTraffic: process.env.BENCH_RECORD !== "0",
});

const server = serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: "127.0.0.1" }, (info) => reportListening(server, info.port, "mock"));
