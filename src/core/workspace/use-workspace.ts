import { useParams } from "react-router";
import { DEFAULT_WORKSPACE, isWorkspaceId, type WorkspaceId } from "./paths.ts";

/** The `:workspace` of a `/w/<id>/…` route as written in the URL, or undefined at the root. */
export const useWorkspaceParam = (): string | undefined => useParams().workspace;

/**
 * The workspace the page is in: the id under `/w/<id>/…`, the default one at the root. A
 * malformed id is never handed on (the workspace gate shows the gone page for it instead).
 */
export function useWorkspace(): WorkspaceId {
  const param = useWorkspaceParam();
  return param !== undefined && isWorkspaceId(param) ? param : DEFAULT_WORKSPACE;
}
