import type { Context, MiddlewareHandler } from "hono";
import { isWorkspaceId } from "../src/core/workspace/paths.ts";
import type { Workspace, Workspaces } from "./workspaces.ts";

/** How a request under /w/<id>/ is served. */
export type WorkspaceRequest =
  /** Under its /mock or /live: the workspace's own world answers. */
  | { kind: "world"; workspace: Workspace }
  /** One of the SPA's routes in a live workspace: the SPA answers. */
  | { kind: "page"; workspace: Workspace }
  /** A browser opening an SPA route of a workspace that is gone: the SPA's page, with 404, so it can say so. */
  | { kind: "gone-page"; id: string }
  /** Anything else under an unknown workspace: 404 JSON. */
  | { kind: "gone"; id: string };

const WORLD_PREFIXES = ["/mock", "/live"];

/** The first entry of Accept with the highest quality: what the client prefers. */
function preferredType(accept: string): string {
  let best = "";
  let bestQuality = 0;
  for (const entry of accept.split(",")) {
    const [type = "", ...params] = entry.split(";").map((part) => part.trim().toLowerCase());
    const q = params.find((p) => p.startsWith("q="));
    const quality = q ? Number(q.slice(2)) : 1;
    if (quality > bestQuality) [best, bestQuality] = [type, quality];
  }
  return best;
}

/** A browser navigation: a GET (or HEAD) for a document, or one whose Accept prefers HTML. */
function isNavigation(method: string, header: (name: string) => string | undefined): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  return header("sec-fetch-dest") === "document" || preferredType(header("accept") ?? "") === "text/html";
}

/**
 * Decides a request under /w/ (undefined for any other path, and for /w itself). A
 * request that reaches a live workspace counts as a use of it, page loads included.
 * The Hono app and the Vite plugin decide alike through this one function.
 */
export function routeWorkspace(registry: Workspaces, path: string, method: string, header: (name: string) => string | undefined): WorkspaceRequest | undefined {
  if (!path.startsWith("/w/")) return undefined;
  const end = path.indexOf("/", 3);
  const id = end < 0 ? path.slice(3) : path.slice(3, end);
  if (id === "") return undefined;
  const rest = end < 0 ? "" : path.slice(end);
  const inWorld = WORLD_PREFIXES.some((prefix) => rest === prefix || rest.startsWith(`${prefix}/`));
  const workspace = registry.use(id);
  if (workspace) return { kind: inWorld ? "world" : "page", workspace };
  return !inWorld && isNavigation(method, header) ? { kind: "gone-page", id } : { kind: "gone", id };
}

/** 404 for a workspace that is not (or no longer) there; only a well-formed id is named back. */
export function unknownWorkspace(c: Context, id: string): Response {
  const which = isWorkspaceId(id) ? `There is no workspace ${id}` : "That is not a workspace id";
  return c.json({ error: "unknown_workspace", error_description: `${which}: it was deleted, dropped after being idle or crowded out by newer ones, or never created. Create one with POST /mock/_control/workspaces.` }, 404);
}

/**
 * Serves /w/<id>/...: a live workspace's world answers its /mock and /live paths; its other
 * paths go on to whatever serves the SPA (npm start's files). An unknown workspace gets 404
 * JSON, or for a browser navigation the SPA's page with 404, when something serves one.
 */
export function workspaceDispatch(registry: Workspaces): MiddlewareHandler {
  return async (c, next) => {
    const route = routeWorkspace(registry, c.req.path, c.req.method, (name) => c.req.header(name));
    if (route === undefined || route.kind === "page") return next();
    if (route.kind === "world") return route.workspace.world.app.fetch(c.req.raw, c.env);
    if (route.kind === "gone") return unknownWorkspace(c, route.id);
    await next();
    const page = c.res;
    c.res = page.headers.get("content-type")?.startsWith("text/html") ? new Response(page.body, { status: 404, headers: page.headers }) : unknownWorkspace(c, route.id);
  };
}
