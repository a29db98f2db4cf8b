import { Hono } from "hono";
import { z } from "zod";
import type { MockEnv, MountedProvider } from "./kit/provider.ts";
import type { TrafficLog } from "./traffic-log.ts";
import { streamTraffic } from "./traffic-stream.ts";

const advanceBody = z.object({ seconds: z.number().finite().min(-10 * 365 * 86400).max(10 * 365 * 86400) });

const seedBody = z.object({ seed: z.number().int().min(0).max(0xffffffff).nullable() });

async function jsonBody(req: Request): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    return undefined;
  }
}

/** The playground's own API: health, fixtures, reset, virtual clock, traffic. Not part of any provider. */
export function controlRoutes(env: MockEnv, providers: MountedProvider[], log: TrafficLog): Hono {
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

  app.get("/traffic/stream", (c) => streamTraffic(c, log));

  // A catch-all route, not notFound(): a sub-app's notFound handler is ignored once it is mounted with route().
  app.all("*", (c) => c.json({ error: `no control endpoint ${c.req.method} ${c.req.path}` }, 404));
  return app;
}
