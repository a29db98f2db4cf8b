import { useMutation, useQueryClient } from "@tanstack/react-query";
import { advanceClock, controlKeys } from "../api/control.ts";
import type { WorkspaceId } from "../workspace/paths.ts";

/** Moves a workspace's virtual clock; every view of the clock (the header's, the steps') sees the new time at once. */
export function useAdvanceClock(workspace: WorkspaceId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (seconds: number) => advanceClock(workspace, seconds),
    onSuccess: (clock) => queryClient.setQueryData(controlKeys.clock(workspace), clock),
  });
}
