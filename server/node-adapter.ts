/**
 * Everything that touches @hono/node-server or node's own request and response lives
 * here, typed with the adapter's exported bindings; the rest of the server speaks Hono.
 */
import { getRequestListener, serve, type HttpBindings } from "@hono/node-server";
import type { Context, Hono } from "hono";
import type { Connect } from "vite";

/** The local end of the connection a request came in on; undefined without a socket (app.request()). */
export function localEndpoint(c: Context): { address: string; port: number } | undefined {
  const socket = (c.env as Partial<HttpBindings> | undefined)?.incoming?.socket;
  const port = socket?.localPort;
  return port === undefined ? undefined : { address: socket?.localAddress ?? "", port };
}

/** `npm start`: the app on its own node:http server. */
export function listen(app: Hono, port: number, hostname: string, onListening: (port: number) => void) {
  return serve({ fetch: app.fetch, port, hostname }, (info) => onListening(info.port));
}

/** Vite's dev and preview servers: the app answers every request under `prefix`, Vite the rest. */
export function connectMiddleware(app: Hono, prefix: string): Connect.NextHandleFunction {
  const listener = getRequestListener(app.fetch);
  return (req, res, next) => {
    if (req.url?.startsWith(prefix)) void listener(req, res);
    else next();
  };
}
