import { useQuery } from "@tanstack/react-query";
import { workspaceAliveQuery } from "../api/workspaces.ts";
import { DEFAULT_WORKSPACE, isWorkspaceId } from "./paths.ts";
import { useWorkspaceParam } from "./use-workspace.ts";

/**
 * Whether the page is under `/w/<id>` of a workspace that does not exist (deleted, expired, never
 * made, or a malformed id). False while the check is under way: a live workspace costs no wait.
 */
export function useWorkspaceGone(): boolean {
  const param = useWorkspaceParam();
  const valid = param !== undefined && isWorkspaceId(param);
  const alive = useQuery({ ...workspaceAliveQuery(valid ? param : DEFAULT_WORKSPACE), enabled: valid });
  return param !== undefined && (!valid || alive.data === false);
}
