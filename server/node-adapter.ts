/**
 * Everything that touches @hono/node-server or node's own request and response lives
 * here, typed with the adapter's exported bindings; the rest of the server speaks Hono.
 */
import { getRequestListener, serve, type HttpBindings } from "@hono/node-server";
import type { Context, Hono } from "hono";
import type { ServerResponse } from "node:http";
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

/** Who answers a request in Vite's servers: the app, Vite, or Vite with its answer made a 404 (an unknown workspace's page). */
export type Passage = "app" | "vite" | "vite-not-found";

/** What `connectMiddleware` decides from: the path (no query), the method and a header by its lower-case name. */
export type PassageRule = (path: string, method: string, header: (name: string) => string | undefined) => Passage;

/** Makes whatever Vite answers a 404, its body kept (a cached copy is never offered: it would be a 304). */
function answerAsNotFound(req: Connect.IncomingMessage, res: ServerResponse): void {
  delete req.headers["if-none-match"];
  delete req.headers["if-modified-since"];
  const writeHead = res.writeHead;
  // Node's implicit header (res.end without writeHead) goes through this.writeHead too.
  res.writeHead = function (this: ServerResponse, _status: number, ...rest: unknown[]) {
    return writeHead.apply(this, [404, ...rest] as unknown as Parameters<typeof writeHead>);
  } as typeof writeHead;
}

/** Vite's dev and preview servers: `rule` decides, per request, whether the app or Vite answers it. */
export function connectMiddleware(app: Hono, rule: PassageRule): Connect.NextHandleFunction {
  const listener = getRequestListener(app.fetch);
  return (req, res, next) => {
    const url = req.url ?? "/";
    const query = url.indexOf("?");
    const header = (name: string) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value.join(", ") : value;
    };
    const passage = rule(query < 0 ? url : url.slice(0, query), req.method ?? "GET", header);
    if (passage === "app") return void listener(req, res);
    if (passage === "vite-not-found") answerAsNotFound(req, res);
    next();
  };
}
