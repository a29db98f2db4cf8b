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
