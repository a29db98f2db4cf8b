import { useQuery } from "@tanstack/react-query";
import { workspacesQuery } from "../api/workspaces.ts";
import { useT } from "../i18n/use-t.ts";
import { wm } from "./messages.ts";
import { DEFAULT_WORKSPACE, type WorkspaceId } from "./paths.ts";

/** A workspace's name as shown: "Default workspace" for the default one, the registry's name (or the id, until it answers) otherwise. */
export function useWorkspaceName(ws: WorkspaceId): string {
  const t = useT();
  const { data } = useQuery(workspacesQuery());
  if (ws === DEFAULT_WORKSPACE) return t(wm.defaultName);
  return data?.workspaces.find((w) => w.id === ws)?.name ?? ws;
}
