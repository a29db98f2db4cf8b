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

/** POST /ppauth/token's answer: token_type "Bearer" although the API header scheme is OAuth. */
export const ppmessageTokenSchema = z.object({ access_token: z.string(), token_type: z.literal("Bearer"), expires_in: z.number() });

const apiSuccess = z.object({ error_code: z.literal("0"), error_string: z.string(), uri: z.string() });
const serviceUser = z.object({
  uuid: z.string(),
  user_email: z.string(),
  user_fullname: z.string(),
  user_icon: z.string(),
  is_service_user: z.boolean(),
  app_uuid: z.string(),
});

/** PP_GET_APP_SERVICE_USER_LIST: the document's `{list, error_code, error_string, uri}`. */
export const ppmessageServiceUserListSchema = apiSuccess.extend({ list: z.array(serviceUser) });

/** PP_GET_USER_INFO: the user's fields in the same envelope. */
export const ppmessageUserInfoSchema = apiSuccess.extend(serviceUser.shape);
