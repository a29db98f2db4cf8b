import { z } from "zod";

/** What the open platform flow carries from step to step. */
export const openplatformValues = z
  .object({
    app_id: z.string(),
    secret: z.string(),
    code: z.string(),
    open_id: z.string(),
    user_access_token: z.string(),
    refresh_token: z.string(),
    server_access_token: z.string(),
    js_ticket: z.string(),
    /** The ticket a rotation replaced: valid for its grace period only. */
    previous_js_ticket: z.string(),
  })
  .partial();
export type OpenplatformValues = z.infer<typeof openplatformValues>;
