import { z } from "zod";
import type { Exchange } from "./exchange.ts";

/** What the control API's traffic (GET /traffic, its event stream) must hold before the panel shows it. */
const header = z.tuple([z.string(), z.string()]);

const exchangeSchema = z.object({
  id: z.number().int(),
  provider: z.string(),
  initiator: z.enum(["navigation", "form", "fetch", "script", "other"]),
  startedAt: z.number(),
  virtualTime: z.number(),
  durationMs: z.number(),
  request: z.object({
    method: z.string(),
    url: z.string(),
    headers: z.array(header),
    body: z.string(),
    bodyTruncated: z.boolean().optional(),
    omittedCookies: z.number().optional(),
  }),
  response: z.object({
    status: z.number().int(),
    statusText: z.string(),
    headers: z.array(header),
    body: z.string(),
    bodyTruncated: z.boolean().optional(),
    clientAborted: z.boolean().optional(),
  }),
  live: z.boolean().optional(),
  liveFailure: z.enum(["unreachable", "timeout", "too_large"]).optional(),
}) satisfies z.ZodType<Exchange>;

/** One streamed exchange, or undefined (with a console warning) when it is not one. */
export function parseExchange(data: unknown): Exchange | undefined {
  const parsed = exchangeSchema.safeParse(data);
  if (parsed.success) return parsed.data as Exchange;
  console.warn("traffic: an event that is not an exchange was dropped", parsed.error.issues[0]);
  return undefined;
}

/** The recorded traffic; exchanges that do not parse are dropped (with a warning), the rest shown. */
export function parseTraffic(data: unknown): Exchange[] {
  if (!Array.isArray(data)) throw new Error("traffic: GET /traffic did not answer a list");
  return data.flatMap((item) => parseExchange(item) ?? []);
}
