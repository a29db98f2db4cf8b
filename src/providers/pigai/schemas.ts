import { z } from "zod";

/** Pigai's slice of GET /mock/_control/fixtures: the APIKEY client, no users. */
export const pigaiFixturesSchema = z.object({
  clients: z.array(z.object({ client_id: z.string(), client_secret: z.string(), name: z.string(), redirect_uris: z.array(z.string()) })),
  users: z.array(z.never()),
  settings: z.object({ access_token_validity: z.number(), error_code: z.number(), callback_max_length: z.number() }),
});
export type PigaiFixtures = z.infer<typeof pigaiFixturesSchema>;

/** The document's failure envelope: `{"error": "原因", "error_code": 21329, "error_description": "原因描述"}`. */
export const pigaiErrorSchema = z.object({ error: z.string(), error_code: z.literal(21329), error_description: z.string() });
