import { z } from "zod";

/** Easemob's slice of GET /mock/_control/fixtures: seed 002's org/app and credentials, app users, rate-limit settings. */
export const easemobFixturesSchema = z.object({
  clients: z.array(
    z.object({
      org_name: z.string(),
      app_name: z.string(),
      client_id: z.string(),
      client_secret: z.string(),
      application: z.string(),
      redirect_uris: z.array(z.string()),
    }),
  ),
  users: z.array(z.object({ username: z.string(), password: z.string(), uuid: z.string() })),
  settings: z.object({
    default_ttl: z.number(),
    /** null: no rate limit (only through an explicit override, e.g. the bench). */
    rate_limit_max_requests: z.number().nullable(),
    rate_limit_window_seconds: z.number(),
    ban_seconds: z.number(),
  }),
});
export type EasemobFixtures = z.infer<typeof easemobFixturesSchema>;

/** Easemob's REST error JSON (Usergrid heritage). */
export const easemobErrorSchema = z.object({
  error: z.string(),
  exception: z.string(),
  timestamp: z.number(),
  duration: z.number(),
  error_description: z.string(),
});

/** The app token: ttl 0 answers expires_in 0 (never expires). */
export const easemobTokenSchema = z.object({ access_token: z.string(), expires_in: z.number(), application: z.string() });

/** GET /{org_name}/{app_name}/users, Usergrid-style, with the query echoed in params. */
export const easemobUsersSchema = z.object({
  action: z.literal("get"),
  application: z.string(),
  params: z.record(z.string(), z.array(z.string())),
  path: z.string(),
  uri: z.string(),
  entities: z.array(z.object({ uuid: z.string(), type: z.literal("user"), created: z.number(), modified: z.number(), username: z.string(), activated: z.boolean() })),
  timestamp: z.number(),
  duration: z.number(),
  organization: z.string(),
  applicationName: z.string(),
  count: z.number(),
});
