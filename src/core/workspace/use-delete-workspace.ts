import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { deleteWorkspace, workspaceKeys } from "../api/workspaces.ts";
import { forgetWorkspace } from "./forget-workspace.ts";
import type { WorkspaceId } from "./paths.ts";

/**
 * Deletes a workspace on the server, forgets its flows in this browser, and goes to `then`
 * (the page the user lands on afterwards): for the header's Delete and the banner of a reproduction.
 */
export function useDeleteWorkspace(workspace: WorkspaceId, then: () => string, onDeleted?: () => void) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => deleteWorkspace(workspace),
    onSuccess: () => {
      void forgetWorkspace(workspace);
      void queryClient.invalidateQueries({ queryKey: workspaceKeys.list() });
      onDeleted?.();
      navigate(then());
    },
  });
}
