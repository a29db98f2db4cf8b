import { queryOptions } from "@tanstack/react-query";
import { controlBase, DEFAULT_WORKSPACE, type WorkspaceId } from "../workspace/paths.ts";
import type { CreatedWorkspace, WorkspaceList } from "./workspace-schemas.ts";

/** The workspace registry (`/mock/_control/workspaces`, the same wherever it is asked): fetchers, query options and keys. */

const REGISTRY = `${controlBase(DEFAULT_WORKSPACE)}/workspaces`;

type SchemaName = "listSchema" | "createdSchema" | "deletedSchema";

/**
 * Answers are parsed, never cast. The schemas (and zod) load with the first answer: the header
 * that asks is on the home page, whose JavaScript budget has no room for zod.
 */
async function call<T>(schema: SchemaName, url: string, init?: RequestInit): Promise<T> {
  const [res, schemas] = await Promise.all([fetch(url, init), import("./workspace-schemas.ts")]);
  if (!res.ok) throw new Error(`${init?.method ?? "GET"} ${url} answered ${res.status}`);
  return schemas[schema].parse(await res.json()) as T;
}

const withJson = (method: string, body: unknown): RequestInit => ({ method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

export const workspaceKeys = {
  all: ["workspaces"] as const,
  list: () => [...workspaceKeys.all, "list"] as const,
  alive: (ws: WorkspaceId) => [...workspaceKeys.all, "alive", ws] as const,
};

export const workspacesQuery = () => queryOptions({ queryKey: workspaceKeys.list(), queryFn: () => call<WorkspaceList>("listSchema", REGISTRY) });

/** Whether a workspace's world still answers: its control API's health, `false` on the registry's 404 (deleted or expired). */
export const workspaceAliveQuery = (ws: WorkspaceId) =>
  queryOptions({
    queryKey: workspaceKeys.alive(ws),
    queryFn: async () => {
      const res = await fetch(`${controlBase(ws)}/health`);
      if (res.status === 404) return false;
      if (!res.ok) throw new Error(`GET ${controlBase(ws)}/health answered ${res.status}`);
      return true;
    },
    refetchInterval: 30_000,
  });

/** The registry's longest name, in characters: a longer one (a scenario's title) is cut, not refused. */
export const NAME_MAX_CHARS = 80;
export const fitName = (name: string) => [...name.trim()].slice(0, NAME_MAX_CHARS).join("");

export const createWorkspace = (name?: string) => call<CreatedWorkspace>("createdSchema", REGISTRY, withJson("POST", name?.trim() ? { name: fitName(name) } : {}));
export const renameWorkspace = (id: WorkspaceId, name: string) => call<CreatedWorkspace>("createdSchema", `${REGISTRY}/${id}`, withJson("PATCH", { name: fitName(name) }));
export const deleteWorkspace = (id: WorkspaceId) => call<{ ok: true }>("deletedSchema", `${REGISTRY}/${id}`, { method: "DELETE" });
