import { z } from "zod";

/** The open platform's slice of GET /mock/_control/fixtures: the app (app_id/secret), users with their open_id, lifetimes. */
export const openplatformFixturesSchema = z.object({
  clients: z.array(z.object({ app_id: z.string(), secret: z.string(), name: z.string(), redirect_uris: z.array(z.string()) })),
  users: z.array(z.object({ username: z.string(), password: z.string(), open_id: z.string() })),
  settings: z.object({
    code_validity: z.number(),
    access_token_validity: z.number(),
    server_token_validity: z.number(),
    ticket_validity: z.number(),
    ticket_rotation_grace: z.number(),
  }),
});
export type OpenplatformFixtures = z.infer<typeof openplatformFixturesSchema>;

/** Every failure: `{"status": "4102", "message": "...", "data": []}` ("4102" is always a string in the document). */
export const openplatformErrorSchema = z.object({ status: z.literal("4102"), message: z.string(), data: z.array(z.never()).length(0) });

/** Every success: `{"status": 2000 | "2000", "message": "ok", data}` (the document uses both types). */
const success = <T extends z.ZodType>(data: T) => z.object({ status: z.union([z.literal(2000), z.literal("2000")]), message: z.literal("ok"), data });

export const openplatformUserTokenSchema = success(
  z.object({ open_id: z.string(), access_token: z.string(), expires_in: z.number(), refresh_token: z.string(), scope: z.string() }),
);
export const openplatformServerTokenSchema = success(z.object({ access_token: z.string(), expires_in: z.number() }));
export const openplatformTicketSchema = success(z.object({ ticket: z.string(), expires_in: z.number() }));
/** checkCode: expires_in is an absolute Unix timestamp, not a duration. */
export const openplatformCheckCodeSchema = success(z.object({ expires_in: z.number() }));

/** Simulated (outside the document): the host app's login-free code. */
export const openplatformSimCodeSchema = z.object({ code: z.string(), expires_in: z.number() });
