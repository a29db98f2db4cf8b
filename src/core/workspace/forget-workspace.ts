import type { WorkspaceId } from "./paths.ts";

/**
 * Drops a gone workspace's flows from this browser's wizard store. The store (and the zod schemas
 * it reads storage with) is loaded lazily: the header is on the home page, whose budget has no room for it.
 */
export function forgetWorkspace(workspace: WorkspaceId): Promise<void> {
  return import("../wizard/use-wizard-store.ts").then(({ wizardStore }) => wizardStore.getState().workspaceDeleted(workspace));
}
