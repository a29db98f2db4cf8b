import { callbackPath, liveBase, mockBase, type WorkspaceId } from "../workspace/paths.ts";
import type { Target } from "./types.ts";

/** Where a flow runs: its workspace, where its hops go, and the callback the provider redirects to. */
export interface RunPlace {
  workspace: WorkspaceId;
  providerId: string;
  target: Target;
  callbackUrl: string;
}

/** The bundled mock: both kinds of hop go to the workspace's mock base on the SPA's own origin. */
export function mockTarget(origin: string, workspace: WorkspaceId, providerId: string): Target {
  const base = origin + mockBase(workspace, providerId);
  return { browserBase: base, serverBase: base };
}

/**
 * A real server: the browser's own hops go straight to it (and are not recorded), the server-side
 * ones through the workspace's relay on the SPA's origin (recorded, marked live).
 */
export function liveTarget(origin: string, workspace: WorkspaceId, providerId: string, base: string): Target {
  return { browserBase: base, serverBase: origin + liveBase(workspace, providerId), real: base };
}

export function placeFor(origin: string, workspace: WorkspaceId, providerId: string, target: Target = mockTarget(origin, workspace, providerId)): RunPlace {
  return { workspace, providerId, target, callbackUrl: origin + callbackPath(workspace) };
}
