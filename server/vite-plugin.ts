import type { Plugin } from "vite";
import { createMockApp } from "./app.ts";
import { connectMiddleware } from "./node-adapter.ts";

/** Mounts the same mock app inside Vite's dev and preview servers, under /mock; Vite's allowedHosts guard the rest. */
export function mockProviders(allowedHosts: string[] = []): Plugin {
  const mount = (port: number) => {
    const { app } = createMockApp({ origins: [`http://localhost:${port}`, `http://127.0.0.1:${port}`], allowedHosts });
    return connectMiddleware(app, "/mock/");
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
