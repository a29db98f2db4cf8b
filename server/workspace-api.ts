import { Hono, type Context } from "hono";
import { z } from "zod";
import { DEFAULT_WORKSPACE } from "../src/core/workspace/paths.ts";
import type { TrafficLog } from "./traffic-log.ts";
import { unknownWorkspace } from "./workspace-dispatch.ts";
import type { Workspace, Workspaces } from "./workspaces.ts";

/** A name's longest length, in characters after trimming (so at most 320 bytes of UTF-8). */
export const NAME_MAX_CHARS = 80;

/** Control characters, lone surrogates, line separators and bidi overrides: nothing a name shown in a header needs. */
const UNPRINTABLE = /[\p{Cc}\p{Cs}\p{Zl}\p{Zp}\u202A-\u202E\u2066-\u2069]/u;

const trimmedName = z
  .string()
  .transform((s) => s.trim())
  .refine((s) => [...s].length <= NAME_MAX_CHARS && !UNPRINTABLE.test(s));

const createBody = z.object({ name: trimmedName.nullish() }).optional();
const renameBody = z.object({ name: trimmedName.refine((s) => s !== "") });

const NAME_RULE = `"name" must be a string of 1–${NAME_MAX_CHARS} characters after trimming, without control characters`;

const invalid = (c: Context, why: string) => c.json({ error: "invalid_request", error_description: why }, 400);

/** The body as JSON, undefined when there is none; `false` when it is not JSON. */
async function bodyOf(c: Context): Promise<unknown> {
  const text = await c.req.text().catch(() => "");
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return false;
  }
}

const summary = ({ world, name, createdAt, lastUsedAt }: Workspace) => ({ id: world.id, name, createdAt, lastUsedAt, exchanges: world.log.count() });

const detail = (workspace: Workspace) => ({ ...summary(workspace), base: workspace.world.base });

/**
 * /workspaces in every world's control API: create, list, rename and delete workspaces.
 * Names are reflected only in JSON; the write guards of the control API apply.
 */
export function workspaceRoutes(registry: Workspaces, defaultLog: () => TrafficLog): Hono {
  const app = new Hono();

  app.get("/", (c) => c.json({ workspaces: registry.list().map(summary), default: { exchanges: defaultLog().count() } }));

  app.post("/", async (c) => {
    const parsed = createBody.safeParse(await bodyOf(c));
    if (!parsed.success) return invalid(c, `expected no body or a JSON body like {"name": "Ticket 4711"}; ${NAME_RULE}`);
    return c.json(detail(registry.create(parsed.data?.name || undefined)), 201);
  });

  app.on(["PATCH", "DELETE"], "/:id", async (c, next) => {
    const id = c.req.param("id");
    if (id === DEFAULT_WORKSPACE) return invalid(c, "the default workspace is always there: it can't be renamed or deleted");
    if (!registry.find(id)) return unknownWorkspace(c, id);
    return next();
  });

  app.patch("/:id", async (c) => {
    const parsed = renameBody.safeParse(await bodyOf(c));
    if (!parsed.success) return invalid(c, `expected a JSON body like {"name": "Ticket 4711"}; ${NAME_RULE}`);
    const workspace = registry.find(c.req.param("id"))!;
    workspace.name = parsed.data.name;
    return c.json(detail(workspace));
  });

  app.delete("/:id", (c) => {
    registry.delete(c.req.param("id"));
    return c.json({ ok: true });
  });

  return app;
}
