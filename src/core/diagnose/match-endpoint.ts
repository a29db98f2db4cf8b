import { mockBase, pathInWorkspace, type WorkspaceId } from "../workspace/paths.ts";
import type { EndpointSpec, Evidence, ProviderEndpoints, ReplayPlan } from "./types.ts";

export const hostOf = (base: string) => /^[a-z]+:\/\/([^/]+)/i.exec(base)?.[1]?.toLowerCase();
export const asText = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));
const splitPath = (p: string) => p.split("/").filter(Boolean);

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Matches a path against a documented pattern: exact, case-insensitive (flagged), or not at all. */
function matchPath(path: string, pattern: string): { exact: boolean; vars: Record<string, string> } | undefined {
  const got = splitPath(path);
  const want = splitPath(pattern);
  if (got.length !== want.length) return undefined;
  const vars: Record<string, string> = {};
  let exact = true;
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = decodeSegment(got[i]!);
    const v = /^\{(\w+)\}$/.exec(w);
    if (v) vars[v[1]!] = g;
    else if (w !== g) {
      if (w.toLowerCase() !== g.toLowerCase()) return undefined;
      exact = false;
    }
  }
  return { exact, vars };
}

/** The path below a provider's mock base, at the root or under a workspace's /w/<id>; undefined when the path is not the mock's. */
export function belowMockBase(path: string, mockBase: string): string | undefined {
  const inWorkspace = pathInWorkspace(path);
  return inWorkspace.startsWith(mockBase + "/") ? inWorkspace.slice(mockBase.length) : undefined;
}

export interface Match {
  provider: ProviderEndpoints;
  endpoint: EndpointSpec;
  exact: boolean;
  vars: Record<string, string>;
  path: string;
  viaMock: boolean;
  score: number;
}

/** Which documented endpoint a request targets: documented host or mock base, path, method, variant. */
export function matchEndpoint(ev: Evidence, providers: ProviderEndpoints[]): Match | undefined {
  if (!ev.url) return undefined;
  const params = new Map([...ev.url.query, ...(ev.bodyParams ?? []).map(([k, v]) => [k, asText(v)] as [string, string])]);
  let best: Match | undefined;
  for (const provider of providers) {
    const below = belowMockBase(ev.url.path, provider.mockBase);
    const viaMock = below !== undefined;
    if (!viaMock && /\/mock\/[^/]+\//.test(ev.url.path)) continue;
    const path = below ?? ev.url.path;
    const host = ev.url.host.toLowerCase();
    const hostScore = viaMock ? 4 : [hostOf(provider.documentedBase), ...(provider.hosts ?? [])].includes(host) ? 3 : 0;
    for (const endpoint of provider.endpoints) {
      const m = matchPath(path, endpoint.path);
      if (!m) continue;
      const literal = splitPath(endpoint.path).filter((s) => !s.startsWith("{")).length;
      const when = Object.entries(endpoint.when ?? {});
      const variant = when.length === 0 ? 0 : when.every(([k, v]) => params.get(k) === v) ? 2 : -1;
      const method = !ev.method || ev.method === endpoint.method ? 1 : 0;
      const score = hostScore + literal * 2 + (m.exact ? 1 : 0) + variant + method;
      if (!best || score > best.score) best = { provider, endpoint, exact: m.exact, vars: m.vars, path, viaMock, score };
    }
  }
  return best;
}

/** The same request against the workspace's mock: documented base → mock base; navigations are opened, not fetched. */
export function replayPlan(ev: Evidence, match: Match, workspace: WorkspaceId): ReplayPlan | undefined {
  if (!ev.url) return undefined;
  const search = ev.url.query.length ? `?${new URLSearchParams(ev.url.query).toString()}` : "";
  const url = `${mockBase(workspace, match.provider.id)}${match.path}${search}`;
  const skip = new Set(["host", "content-length", "connection", "accept-encoding", "cookie", "origin", "referer"]);
  const headers = ev.headers.filter(([n]) => !skip.has(n.toLowerCase()));
  const method = ev.method ?? match.endpoint.method;
  return { mode: match.endpoint.transport === "navigation" ? "navigate" : "fetch", method, url, headers, body: method === "GET" ? "" : (ev.body ?? "") };
}
