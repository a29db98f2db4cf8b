import { queryOptions } from "@tanstack/react-query";
import { controlBase, type WorkspaceId } from "../workspace/paths.ts";

/** A workspace's control API (<ws>/mock/_control): fetchers and their query options, keyed from one factory. */

export interface ClockState {
  now: number;
  offset: number;
}

export type Fixtures = Record<string, { clients: Record<string, unknown>[]; users: Record<string, unknown>[]; settings?: Record<string, unknown> }>;

async function json<T>(ws: WorkspaceId, path: string, init?: RequestInit): Promise<T> {
  const url = controlBase(ws) + path;
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${init?.method ?? "GET"} ${url} answered ${res.status}`);
  return (await res.json()) as T;
}

const post = (body?: unknown): RequestInit => ({
  method: "POST",
  headers: body === undefined ? {} : { "Content-Type": "application/json" },
  body: body === undefined ? null : JSON.stringify(body),
});

/** Every key starts with the workspace: invalidating `workspace(ws)` refreshes one world and no other. */
export const controlKeys = {
  all: ["control"] as const,
  workspace: (ws: WorkspaceId) => [...controlKeys.all, ws] as const,
  fixtures: (ws: WorkspaceId) => [...controlKeys.workspace(ws), "fixtures"] as const,
  clock: (ws: WorkspaceId) => [...controlKeys.workspace(ws), "clock"] as const,
  traffic: (ws: WorkspaceId) => [...controlKeys.workspace(ws), "traffic"] as const,
  seed: (ws: WorkspaceId) => [...controlKeys.workspace(ws), "seed"] as const,
};

export const fixturesQuery = (ws: WorkspaceId) =>
  queryOptions({ queryKey: controlKeys.fixtures(ws), queryFn: () => json<Fixtures>(ws, "/fixtures"), staleTime: Infinity });

export const clockQuery = (ws: WorkspaceId) =>
  queryOptions({ queryKey: controlKeys.clock(ws), queryFn: () => json<ClockState>(ws, "/clock"), refetchInterval: 1000 });

/** The recorded traffic as sent: exchange/traffic-query.ts parses it (zod stays out of the home page's bundle). */
export const fetchTraffic = (ws: WorkspaceId) => json<unknown>(ws, "/traffic");

export const seedQuery = (ws: WorkspaceId) => queryOptions({ queryKey: controlKeys.seed(ws), queryFn: () => json<{ seed: number | null }>(ws, "/seed") });
export const setSeed = (ws: WorkspaceId, seed: number | null) => json<{ seed: number | null }>(ws, "/seed", post({ seed }));

export const advanceClock = (ws: WorkspaceId, seconds: number) => json<ClockState>(ws, "/clock/advance", post({ seconds }));
export const resetMocks = (ws: WorkspaceId) => json<{ ok: true }>(ws, "/reset", post());
export const clearTraffic = (ws: WorkspaceId) => json<{ ok: true }>(ws, "/traffic", { method: "DELETE" });
export const trafficStreamUrl = (ws: WorkspaceId) => `${controlBase(ws)}/traffic/stream`;
