import { z } from "zod";

/** PPMessage's slice of GET /mock/_control/fixtures: apps (api_key/api_secret/api_uuid) and users. */
export const ppmessageFixturesSchema = z.object({
  clients: z.array(
    z.object({
      kind: z.enum(["kefu", "console"]),
      client_id: z.string(),
      client_secret: z.string(),
      api_uuid: z.string(),
      redirect_uris: z.array(z.string()),
    }),
  ),
  users: z.array(z.object({ email: z.string(), password: z.string(), user_uuid: z.string(), user_fullname: z.string(), is_service_user: z.boolean() })),
  settings: z.object({ access_token_validity: z.number(), code_validity: z.number(), api_names: z.array(z.string()) }),
});
export type PpmessageFixtures = z.infer<typeof ppmessageFixturesSchema>;

/** The API envelope of /api/* (error_code is a string: the document's example says "0"). */
export const ppmessageApiErrorSchema = z.object({ error_code: z.string(), error_string: z.string(), uri: z.string() });

/** /ppauth/* errors (the document is silent; assumed OAuth-style). */
export const ppmessageOauthErrorSchema = z.object({ error: z.string(), error_description: z.string() });
