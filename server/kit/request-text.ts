import type { Context } from "hono";

/** Kept on the context itself: a WeakMap keyed by short-lived contexts cost more than the lookup saved. */
const TEXT = Symbol("requestText");
type WithText = Context & { [TEXT]?: string };

/**
 * The request body as text, as c.req.text() gives it, remembered for the traffic
 * recorder: it can then record the body as soon as the answer is ready, instead of
 * waiting one more turn on Hono's cached promise for a text that is already known.
 */
export async function readRequestText(c: Context): Promise<string> {
  const text = await c.req.text();
  (c as WithText)[TEXT] = text;
  return text;
}

/** The body text if the handler read it through readRequestText(), else undefined. */
export function requestTextRead(c: Context): string | undefined {
  return (c as WithText)[TEXT];
}
