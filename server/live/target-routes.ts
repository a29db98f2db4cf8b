import { Hono, type Context } from "hono";
import { z } from "zod";
import { jsonBodiesOnly, sameOriginWrites } from "../write-guard.ts";
import { checkLiveBase, MAX_BASE_BYTES } from "./live-base.ts";
import type { LiveHost } from "./live-hosts.ts";
import type { LiveTargets } from "./live-targets.ts";

export interface TargetRoutesOptions {
  targets: LiveTargets;
  liveHosts: readonly LiveHost[];
  /** The workspace's path prefix: "" for the default workspace, "/w/<id>" for another. */
  workspaceBase: string;
}

// Characters, a loose first bound; checkLiveBase holds it to MAX_BASE_BYTES.
const targetBody = z.object({ base: z.string().max(MAX_BASE_BYTES) });

const PUT_EXAMPLE = '{"base": "http://localhost:8090"}';

async function jsonBody(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    return undefined;
  }
}

/**
 * `<ws>/mock/_control/targets`: which real server each provider's live traffic goes to.
 * GET lists them, PUT /<provider> with {"base"} sets one, DELETE /<provider> goes back to none.
 */
export function targetRoutes({ targets, liveHosts, workspaceBase }: TargetRoutesOptions): Hono {
  const app = new Hono();
  app.use("*", sameOriginWrites(), ...jsonBodiesOnly());
  const relayOf = (provider: string) => `${workspaceBase}/live/${provider}`;
  const answer = (provider: string) => ({ provider, base: targets.get(provider)?.base ?? null, relay: relayOf(provider) });
  const unknown = (c: Context) => c.json({ error: "unknown_provider", error_description: `Live targets exist for these providers only: ${targets.providers.join(", ")}.` }, 404);

  app.get("/", (c) => c.json({ targets: targets.list() }));

  app.get("/:provider", (c) => {
    const provider = c.req.param("provider");
    return targets.knows(provider) ? c.json(answer(provider)) : unknown(c);
  });

  app.put("/:provider", async (c) => {
    const provider = c.req.param("provider");
    if (!targets.knows(provider)) return unknown(c);
    const parsed = targetBody.safeParse(await jsonBody(c));
    if (!parsed.success) return c.json({ error: "invalid_target", error_description: `Expected a JSON body like ${PUT_EXAMPLE}.` }, 400);
    const check = checkLiveBase(parsed.data.base, liveHosts);
    if (!check.ok) return c.json({ error: "invalid_target", error_description: check.reason }, 400);
    targets.set(provider, check.base);
    return c.json(answer(provider));
  });

  app.delete("/:provider", (c) => {
    const provider = c.req.param("provider");
    if (!targets.knows(provider)) return unknown(c);
    targets.delete(provider);
    return c.json(answer(provider));
  });

  // A catch-all route, not notFound(): a sub-app's notFound handler is ignored once it is mounted with route().
  app.all("*", (c) => c.json({ error: "not_found", error_description: "Live targets: GET /targets, and GET, PUT or DELETE /targets/<provider>." }, 404));
  return app;
}
