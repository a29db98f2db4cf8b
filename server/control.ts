import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { z } from "zod";
import type { MockEnv, MockProvider } from "./kit/provider.ts";
import type { TrafficLog } from "./traffic-log.ts";

const advanceBody = z.object({ seconds: z.number().finite().min(-10 * 365 * 86400).max(10 * 365 * 86400) });
/** How long the traffic stream lets exchanges gather before a write (ms): invisible to a person, a big saving under load. */
const SSE_COALESCE_MS = 15;

const seedBody = z.object({ seed: z.number().int().min(0).max(0xffffffff).nullable() });

async function jsonBody(req: Request): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    return undefined;
  }
}

/** The playground's own API: health, fixtures, reset, virtual clock, traffic. Not part of any provider. */
export function controlRoutes(env: MockEnv, providers: MockProvider[], log: TrafficLog): Hono {
  const app = new Hono();
  const clockState = () => ({ now: env.clock.now(), offset: env.clock.offsetSeconds() });

  app.get("/health", (c) => c.json({ ok: true }));

  app.get("/fixtures", (c) => c.json(Object.fromEntries(providers.map((p) => [p.id, p.fixtures()]))));

  app.post("/reset", (c) => {
    env.clock.reset();
    // Re-applying the seed makes a reset replay the same codes and tokens.
    env.random.seed(env.random.currentSeed());
    for (const p of providers) p.reset();
    log.clear();
    return c.json({ ok: true, ...clockState(), seed: env.random.currentSeed() });
  });

  app.get("/clock", (c) => c.json(clockState()));

  app.post("/clock/advance", async (c) => {
    const parsed = advanceBody.safeParse(await jsonBody(c.req.raw));
    if (!parsed.success) return c.json({ error: 'expected a JSON body like {"seconds": 600}' }, 400);
    env.clock.advance(parsed.data.seconds);
    return c.json(clockState());
  });

  app.get("/seed", (c) => c.json({ seed: env.random.currentSeed() }));

  app.post("/seed", async (c) => {
    const parsed = seedBody.safeParse(await jsonBody(c.req.raw));
    if (!parsed.success) return c.json({ error: 'expected a JSON body like {"seed": 42} or {"seed": null}' }, 400);
    env.random.seed(parsed.data.seed);
    return c.json({ seed: parsed.data.seed });
  });

  app.get("/traffic", (c) => c.body(log.json(), 200, { "content-type": "application/json" }));

  app.delete("/traffic", (c) => {
    log.clear();
    return c.json({ ok: true });
  });

  app.get("/traffic/stream", (c) =>
    streamSSE(c, async (stream) => {
      // Bounded: a client that stops reading loses the oldest queued exchanges (and is told
      // how many in a `dropped` event) instead of growing the server's memory without end.
      let dropped = 0;
      let wake: (() => void) | undefined;
      const queue: string[] = [];
      const unsubscribe = log.subscribe((json) => {
        if (queue.length >= log.capacity) {
          queue.shift();
          dropped++;
        }
        queue.push(json);
        wake?.();
      });
      stream.onAbort(() => {
        unsubscribe();
        wake?.();
      });
      await stream.writeSSE({ event: "ready", data: "{}" });
      while (!stream.aborted) {
        if (queue.length > 0) {
          // Under load, let exchanges gather for a moment and send them in one write: one
          // write per exchange costs the server more than the exchange itself.
          if (queue.length < 64) await new Promise((resolve) => setTimeout(resolve, SSE_COALESCE_MS));
          // JSON has no raw newlines, so each exchange is one data line.
          let batch = dropped > 0 ? `event: dropped\ndata: {"count":${dropped}}\n\n` : "";
          dropped = 0;
          for (const json of queue.splice(0)) batch += `event: exchange\ndata: ${json}\n\n`;
          await stream.write(batch);
          continue;
        }
        let timer: ReturnType<typeof setTimeout> | undefined;
        await new Promise<void>((resolve) => {
          wake = resolve;
          timer = setTimeout(resolve, 15_000);
        });
        clearTimeout(timer);
        wake = undefined;
        if (queue.length === 0 && !stream.aborted) await stream.writeSSE({ event: "ping", data: "{}" });
      }
      unsubscribe();
    }),
  );

  // A catch-all route, not notFound(): a sub-app's notFound handler is ignored once it is mounted with route().
  app.all("*", (c) => c.json({ error: `no control endpoint ${c.req.method} ${c.req.path}` }, 404));
  return app;
}
