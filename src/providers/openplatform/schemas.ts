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
