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

/** Method one's JSONP payload: expires_in is the string "7200"; state only when one was sent. */
export const pigaiJsonpTokenSchema = z.object({ access_token: z.string(), expires_in: z.string(), token_type: z.literal("Bearer"), state: z.string().optional() });

/** Method two's answer: expires_in is the number 7200, scope is null. */
export const pigaiServerTokenSchema = z.object({ access_token: z.string(), expires_in: z.number(), token_type: z.literal("Bearer"), scope: z.null() });

/** The assumed protected call GET /api/me. */
export const pigaiMeSchema = z.object({ client_id: z.string(), app_name: z.string().nullable(), method: z.enum(["jsonp", "client_credentials"]), expires_in: z.number() });
