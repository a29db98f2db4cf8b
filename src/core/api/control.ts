import { queryOptions } from "@tanstack/react-query";
import type { Exchange } from "../exchange/exchange.ts";

/** The playground's control API (/mock/_control): fetchers and their query options, keyed from one factory. */
export const CONTROL_BASE = "/mock/_control";

export interface ClockState {
  now: number;
  offset: number;
}

export type Fixtures = Record<string, { clients: Record<string, unknown>[]; users: Record<string, unknown>[]; settings?: Record<string, unknown> }>;

async function json<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(CONTROL_BASE + path, init);
  if (!res.ok) throw new Error(`${init?.method ?? "GET"} ${CONTROL_BASE}${path} answered ${res.status}`);
  return (await res.json()) as T;
}

const post = (body?: unknown): RequestInit => ({
  method: "POST",
  headers: body === undefined ? {} : { "Content-Type": "application/json" },
  body: body === undefined ? null : JSON.stringify(body),
});

export const controlKeys = {
  all: ["control"] as const,
  fixtures: () => [...controlKeys.all, "fixtures"] as const,
  clock: () => [...controlKeys.all, "clock"] as const,
  traffic: () => [...controlKeys.all, "traffic"] as const,
  seed: () => [...controlKeys.all, "seed"] as const,
};

export const fixturesQuery = () => queryOptions({ queryKey: controlKeys.fixtures(), queryFn: () => json<Fixtures>("/fixtures"), staleTime: Infinity });

export const clockQuery = () =>
  queryOptions({ queryKey: controlKeys.clock(), queryFn: () => json<ClockState>("/clock"), refetchInterval: 1000 });

export const trafficQuery = () => queryOptions({ queryKey: controlKeys.traffic(), queryFn: () => json<Exchange[]>("/traffic"), staleTime: Infinity });

export const seedQuery = () => queryOptions({ queryKey: controlKeys.seed(), queryFn: () => json<{ seed: number | null }>("/seed") });
export const setSeed = (seed: number | null) => json<{ seed: number | null }>("/seed", post({ seed }));

export const advanceClock = (seconds: number) => json<ClockState>("/clock/advance", post({ seconds }));
export const resetMocks = () => json<{ ok: true }>("/reset", post());
export const clearTraffic = () => json<{ ok: true }>("/traffic", { method: "DELETE" });
export const TRAFFIC_STREAM_URL = `${CONTROL_BASE}/traffic/stream`;
