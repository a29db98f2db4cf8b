import { z } from "zod";

/** How the token step sent ttl; retries and the cache send it the same way. */
export const ttlStyles = ["string", "number", "omit", "zero"] as const;
export type TtlStyle = (typeof ttlStyles)[number];

/** What the Easemob flow carries from step to step. */
export const easemobValues = z
  .object({
    host: z.string(),
    org_name: z.string(),
    app_name: z.string(),
    client_id: z.string(),
    client_secret: z.string(),
    access_token: z.string(),
    /** Seconds, as the token answer gave them (0: never expires). */
    expires_in: z.number(),
    /** When the token expires on the virtual clock (Unix seconds), or never (ttl 0). */
    token_expires_at: z.union([z.number(), z.literal("never")]),
    ttl: z.string(),
    ttl_style: z.enum(ttlStyles),
  })
  .partial();
export type EasemobValues = z.infer<typeof easemobValues>;

/** The app token answer (seed 002's 响应 body). */
export const tokenAnswer = z.object({ access_token: z.string(), expires_in: z.number(), application: z.string() });
export type TokenAnswer = z.infer<typeof tokenAnswer>;

/** The token a token exchange issued, if it is the documented answer. */
export const issuedToken = (json: unknown): TokenAnswer | undefined => tokenAnswer.safeParse(json).data;

/** Values to keep from a token answer: the token and when it expires on the virtual clock. */
export function tokenValues(token: TokenAnswer, now: number | undefined): EasemobValues {
  const expiresAt = token.expires_in === 0 ? "never" : now !== undefined ? now + token.expires_in : undefined;
  return { access_token: token.access_token, expires_in: token.expires_in, ...(expiresAt !== undefined ? { token_expires_at: expiresAt } : {}) };
}
