import { callbackPath, mockBase, type WorkspaceId } from "../workspace/paths.ts";
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

export function placeFor(origin: string, workspace: WorkspaceId, providerId: string, target: Target = mockTarget(origin, workspace, providerId)): RunPlace {
  return { workspace, providerId, target, callbackUrl: origin + callbackPath(workspace) };
}
