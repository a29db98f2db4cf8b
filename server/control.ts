import { Hono, type Context } from "hono";
import { z } from "zod";
import type { MockEnv, MountedProvider } from "./kit/provider.ts";
import type { TrafficLog } from "./traffic-log.ts";
import { streamTraffic } from "./traffic-stream.ts";
import { jsonBodiesOnly, sameOriginWrites } from "./write-guard.ts";

const advanceBody = z.object({ seconds: z.number().finite().min(-10 * 365 * 86400).max(10 * 365 * 86400) });

const seedBody = z.object({ seed: z.number().int().min(0).max(0xffffffff).nullable() });

async function jsonBody(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    return undefined;
  }
}

/** Past this, GET /traffic is streamed from the kept texts instead of joined into one string. */
const INLINE_TRAFFIC_BYTES = 256 * 1024;
/** About this much text goes into each chunk of a streamed GET /traffic. */
const TRAFFIC_CHUNK_CHARS = 64 * 1024;

/** The kept exchanges as one JSON array, a chunk at a time as the client reads it. */
function jsonArrayStream(texts: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next = 0;
  return new ReadableStream({
    pull(controller) {
      let chunk = next === 0 ? "[" : "";
      while (next < texts.length && chunk.length < TRAFFIC_CHUNK_CHARS) chunk += (next > 0 ? "," : "") + texts[next++];
      if (next === texts.length) {
        controller.enqueue(encoder.encode(chunk + "]"));
        controller.close();
      } else controller.enqueue(encoder.encode(chunk));
    },
  });
}

/** What a world's control API acts on. */
export interface ControlledWorld {
  env: MockEnv;
  providers: MountedProvider[];
  log: TrafficLog;
}

/**
 * A world's own API: health, fixtures, reset, virtual clock, seed, traffic. Not part of any
 * provider. `shared` (the workspace registry's routes) is served at /workspaces in every world.
 */
export function controlRoutes({ env, providers, log }: ControlledWorld, shared?: Hono): Hono {
  const app = new Hono();
  app.use("*", sameOriginWrites(), ...jsonBodiesOnly());
  if (shared) app.route("/workspaces", shared);
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
    const parsed = advanceBody.safeParse(await jsonBody(c));
    if (!parsed.success) return c.json({ error: 'expected a JSON body like {"seconds": 600}' }, 400);
    env.clock.advance(parsed.data.seconds);
    return c.json(clockState());
  });

  app.get("/seed", (c) => c.json({ seed: env.random.currentSeed() }));

  app.post("/seed", async (c) => {
    const parsed = seedBody.safeParse(await jsonBody(c));
    if (!parsed.success) return c.json({ error: 'expected a JSON body like {"seed": 42} or {"seed": null}' }, 400);
    env.random.seed(parsed.data.seed);
    return c.json({ seed: parsed.data.seed });
  });

  app.get("/traffic", (c) => {
    const texts = log.texts();
    const body = log.bytes <= INLINE_TRAFFIC_BYTES ? `[${texts.join(",")}]` : jsonArrayStream(texts);
    return c.body(body, 200, { "content-type": "application/json" });
  });

  app.delete("/traffic", (c) => {
    log.clear();
    return c.json({ ok: true });
  });

  app.get("/traffic/stream", (c) => streamTraffic(c, log));

  // A catch-all route, not notFound(): a sub-app's notFound handler is ignored once it is mounted with route().
  app.all("*", (c) => c.json({ error: `no control endpoint ${c.req.method} ${c.req.path}` }, 404));
  return app;
}
