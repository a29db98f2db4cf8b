import type { Connect, Plugin } from "vite";
import { createMockApp } from "./app.ts";
import type { LiveHost } from "./live/live-hosts.ts";
import { connectMiddleware } from "./node-adapter.ts";

/** Mounts the same mock app inside Vite's dev and preview servers, under /mock and /live; Vite's allowedHosts guard the rest. */
export function mockProviders(allowedHosts: string[] = [], liveHosts: LiveHost[] = []): Plugin {
  const mount = (port: number): Connect.NextHandleFunction => {
    const { app } = createMockApp({ origins: [`http://localhost:${port}`, `http://127.0.0.1:${port}`], allowedHosts, liveHosts });
    const mock = connectMiddleware(app, "/mock/");
    const live = connectMiddleware(app, "/live/");
    return (req, res, next) => mock(req, res, () => live(req, res, next));
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
