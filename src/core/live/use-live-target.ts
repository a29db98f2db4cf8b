import { useQuery } from "@tanstack/react-query";
import { targetsQuery } from "../api/targets.ts";
import { liveTarget } from "../wizard/target.ts";
import type { Target } from "../wizard/types.ts";
import type { WorkspaceId } from "../workspace/paths.ts";

/** The workspace's real server for a provider, as a run's target; undefined for the bundled mock. */
export function useLiveTarget(workspace: WorkspaceId, providerId: string): Target | undefined {
  const { data } = useQuery(targetsQuery(workspace));
  const base = data?.[providerId]?.base;
  return base ? liveTarget(window.location.origin, workspace, providerId, base) : undefined;
}
