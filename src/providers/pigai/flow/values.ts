import { z } from "zod";

/** What the Pigai flow carries from step to step. */
export const pigaiValues = z
  .object({
    client_id: z.string(),
    client_secret: z.string(),
    access_token: z.string(),
    /** expires_in exactly as method one's JSONP answer had it (the string "7200"), to compare with method two's. */
    jsonp_expires_in: z.union([z.string(), z.number()]),
  })
  .partial();
export type PigaiValues = z.infer<typeof pigaiValues>;
