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

/**
 * The response body as node writes it to the socket, once it is all written (undefined
 * without a socket). Reading a web Response's body back costs many times what building
 * it did (a stream and its promises per answer); what node is handed costs nothing to keep.
 */
export function writtenBody(c: Context): Promise<string | Uint8Array[]> | undefined {
  const outgoing = (c.env as Partial<HttpBindings> | undefined)?.outgoing;
  if (!outgoing) return undefined;
  return new Promise((resolve) => {
    const chunks: Uint8Array[] = [];
    const keep = (chunk: unknown) => {
      if (typeof chunk === "string") chunks.push(Buffer.from(chunk));
      else if (chunk instanceof Uint8Array) chunks.push(chunk);
    };
    const { write, end } = outgoing;
    outgoing.write = function (this: typeof outgoing, chunk: unknown, ...rest: unknown[]) {
      keep(chunk);
      return write.apply(this, [chunk, ...rest] as Parameters<typeof write>);
    } as typeof write;
    outgoing.end = function (this: typeof outgoing, chunk?: unknown, ...rest: unknown[]) {
      outgoing.write = write;
      outgoing.end = end;
      // The common case, one string handed to end(), is kept as it is.
      if (typeof chunk === "string" && chunks.length === 0) resolve(chunk);
      else {
        if (typeof chunk !== "function") keep(chunk);
        resolve(chunks);
      }
      return end.apply(this, [chunk, ...rest] as Parameters<typeof end>);
    } as typeof end;
    outgoing.once("close", () => resolve(chunks));
  });
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
