import { z } from "zod";

/** Spring's slice of GET /mock/_control/fixtures: seed 001's clients and user. */
export const springFixturesSchema = z.object({
  clients: z.array(
    z.object({
      client_id: z.string(),
      client_secret: z.string(),
      redirect_uris: z.array(z.string()),
      scope: z.array(z.string()),
      authorized_grant_types: z.array(z.string()),
      autoapprove: z.boolean(),
    }),
  ),
  users: z.array(z.object({ username: z.string(), password: z.string() })),
  settings: z.object({ access_token_validity: z.number(), refresh_token_validity: z.number(), code_validity: z.number() }),
});
export type SpringFixtures = z.infer<typeof springFixturesSchema>;

/** Spring Security OAuth2's error JSON. */
export const springErrorSchema = z.object({ error: z.string(), error_description: z.string() });

/** A token answer (code exchange or refresh): token_type is lower-case "bearer", as in the document. */
export const springTokenSchema = z.object({
  access_token: z.string(),
  token_type: z.literal("bearer"),
  refresh_token: z.string(),
  expires_in: z.number(),
  scope: z.string(),
});

/** The assumed protected resource GET /api/me. */
export const springMeSchema = z.object({ name: z.string(), client_id: z.string(), scope: z.array(z.string()), expires_in: z.number() });
