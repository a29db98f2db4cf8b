/**
 * Where a workspace lives, on both sides (browser-safe, no imports): the default
 * workspace answers at the root (`/mock/...`, `/<provider>`), every other at
 * `/w/<id>/...` with the same paths below it (see ../shared/DESIGN.md, "Workspaces").
 */
export type WorkspaceId = string;

/** The store key and route value of the workspace at the root; never a valid created id (too short). */
export const DEFAULT_WORKSPACE: WorkspaceId = "default";

/** Ids the server hands out: random, 8–32 characters of [A-Za-z0-9_-]. */
const ID = "[A-Za-z0-9_-]{8,32}";
export const WORKSPACE_ID_PATTERN = new RegExp(`^${ID}$`);
const WORKSPACE_PREFIX = new RegExp(`^/w/${ID}(?=/)`);

export const isWorkspaceId = (value: string): boolean => WORKSPACE_ID_PATTERN.test(value);

/** The path prefix of a workspace: "" for the default, "/w/<id>" otherwise. */
export const workspaceBase = (ws: WorkspaceId): string => (ws === DEFAULT_WORKSPACE ? "" : `/w/${ws}`);

/** A path of any workspace as seen from inside it: `/w/<id>/mock/spring/x` → `/mock/spring/x` (the default's paths unchanged). */
export const pathInWorkspace = (pathname: string): string => pathname.replace(WORKSPACE_PREFIX, "");

/** The playground's control API of a workspace. */
export const controlBase = (ws: WorkspaceId): string => `${workspaceBase(ws)}/mock/_control`;

/** Where a provider's bundled mock answers in a workspace: its documented base maps here. */
export const mockBase = (ws: WorkspaceId, providerId: string): string => `${workspaceBase(ws)}/mock/${providerId}`;

/** Where a provider's live relay (a real server instead of the mock) answers in a workspace. */
export const liveBase = (ws: WorkspaceId, providerId: string): string => `${workspaceBase(ws)}/live/${providerId}`;

/** The SPA's redirect callback in a workspace; `<origin><this>` is registered with every redirecting client. */
export const callbackPath = (ws: WorkspaceId): string => `${workspaceBase(ws)}/callback`;

/** The SPA's page of a provider's flow (and a step of it) in a workspace. */
export const flowPath = (ws: WorkspaceId, providerId: string, stepId?: string): string =>
  `${workspaceBase(ws)}/${providerId}${stepId ? `/${stepId}` : ""}`;

/** The SPA's home page (the provider list) of a workspace. */
export const homePath = (ws: WorkspaceId): string => workspaceBase(ws) || "/";

/** The diagnoser's page in a workspace (its replays go to that workspace's mock). */
export const diagnosePath = (ws: WorkspaceId): string => `${workspaceBase(ws)}/diagnose`;

/**
 * The page at `pathname` (in workspace `from`) as it is in workspace `to`: the same provider and
 * step, so switching keeps the user's place. A callback belongs to the redirect that came back
 * to it, so its counterpart is the home page.
 */
export function samePageIn(pathname: string, from: WorkspaceId, to: WorkspaceId): string {
  const base = workspaceBase(from);
  const rest = base && pathname.startsWith(base) ? pathname.slice(base.length) : pathname;
  if (rest === "" || rest === "/" || rest.startsWith("/callback")) return homePath(to);
  return workspaceBase(to) + rest;
}
