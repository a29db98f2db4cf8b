import { z } from "zod";
import { WORKSPACE_ID_PATTERN } from "../workspace/paths.ts";

/** The registry's answers (`/mock/_control/workspaces`), as the SPA accepts them. */

export const workspaceSchema = z.object({
  id: z.string().regex(WORKSPACE_ID_PATTERN),
  name: z.string(),
  createdAt: z.number(),
  lastUsedAt: z.number(),
  exchanges: z.number(),
});
export const createdSchema = workspaceSchema.extend({ base: z.string() });
export const listSchema = z.object({ workspaces: z.array(workspaceSchema), default: z.object({ exchanges: z.number() }) });
export const deletedSchema = z.object({ ok: z.literal(true) });

export type WorkspaceInfo = z.infer<typeof workspaceSchema>;
export type CreatedWorkspace = z.infer<typeof createdSchema>;
export type WorkspaceList = z.infer<typeof listSchema>;
