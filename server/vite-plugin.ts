import type { Plugin } from "vite";
import { createMockApp } from "./app.ts";
import type { LiveHost } from "./live/live-hosts.ts";
import { connectMiddleware, type PassageRule } from "./node-adapter.ts";
import { routeWorkspace } from "./workspace-dispatch.ts";
import { idleLimitFrom, type Workspaces } from "./workspaces.ts";

/** In Vite's servers: the mock answers /mock, /live and each workspace's world; Vite the SPA, an unknown workspace's page as a 404. */
export function mockPassage(workspaces: Workspaces): PassageRule {
  return (path, method, header) => {
    if (path.startsWith("/mock/") || path.startsWith("/live/")) return "app";
    const route = routeWorkspace(workspaces, path, method, header);
    if (route === undefined || route.kind === "page") return "vite";
    return route.kind === "gone-page" ? "vite-not-found" : "app";
  };
}

/**
 * Mounts the same mock app inside Vite's dev and preview servers: /mock and every workspace's
 * /w/<id>/mock; Vite serves the SPA (its routes under /w/<id>/ included) and its allowedHosts
 * guard it. A navigation into an unknown workspace gets Vite's SPA page with 404, as in npm start.
 */
export function mockProviders(allowedHosts: string[] = [], liveHosts: LiveHost[] = []): Plugin {
  const mount = (port: number) => {
    const { app, workspaces } = createMockApp({
      origins: [`http://localhost:${port}`, `http://127.0.0.1:${port}`],
      allowedHosts,
      liveHosts,
      workspaces: idleLimitFrom(process.env.WORKSPACE_IDLE_HOURS),
    });
    return connectMiddleware(app, mockPassage(workspaces));
  };
  return {
    name: "oauth-playground-mock",
    configureServer(server) {
      server.middlewares.use(mount(server.config.server.port ?? 5173));
    },
    configurePreviewServer(server) {
      server.middlewares.use(mount(server.config.preview.port ?? 4173));
    },
  };
}
