import { z } from "zod";

/** What the PPMessage flow carries from step to step. */
export const ppmessageValues = z
  .object({
    app: z.enum(["kefu", "console"]),
    client_id: z.string(),
    client_secret: z.string(),
    api_uuid: z.string(),
    redirect_uri: z.string(),
    state: z.string(),
    code: z.string(),
    access_token: z.string(),
  })
  .partial();
export type PpmessageValues = z.infer<typeof ppmessageValues>;
