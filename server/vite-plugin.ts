import { getRequestListener } from "@hono/node-server";
import type { Connect, Plugin } from "vite";
import { createMockApp } from "./app.ts";

/** Mounts the same mock app inside Vite's dev and preview servers, under /mock. */
export function mockProviders(): Plugin {
  const mount = (middlewares: Connect.Server, port: number) => {
    const { app } = createMockApp({ origins: [`http://localhost:${port}`, `http://127.0.0.1:${port}`] });
    const listener = getRequestListener(app.fetch);
    middlewares.use((req, res, next) => {
      if (req.url?.startsWith("/mock/")) void listener(req, res);
      else next();
    });
  };
  return {
    name: "oauth-playground-mock",
    configureServer(server) {
      mount(server.middlewares, server.config.server.port ?? 5173);
    },
    configurePreviewServer(server) {
      mount(server.middlewares, server.config.preview.port ?? 4173);
    },
  };
}
