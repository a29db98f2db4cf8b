import { z } from "zod";

/** What the Spring flow carries from step to step. */
export const springValues = z
  .object({
    client_id: z.string(),
    client_secret: z.string(),
    redirect_uri: z.string(),
    state: z.string(),
    code: z.string(),
    access_token: z.string(),
    refresh_token: z.string(),
  })
  .partial();
export type SpringValues = z.infer<typeof springValues>;
