import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Exchange, RawRequest } from "../src/core/exchange/exchange.ts";
import { createMockApp } from "./app.ts";

/** Test helpers around one fresh mock app: requests as a client (curl-like) would send them. */
export function mockClient() {
  const mock = createMockApp();
  const { app } = mock;
  const request = (path: string, init?: RequestInit) => app.request(path.startsWith("http") ? path : `http://localhost:4173${path}`, init);
  return {
    ...mock,
    request,
    get: (path: string, headers: Record<string, string> = {}) => request(path, { headers }),
    postForm: (path: string, body: string | Record<string, string>, headers: Record<string, string> = {}) =>
      request(path, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
        body: typeof body === "string" ? body : new URLSearchParams(body).toString(),
      }),
    postJson: (path: string, body: unknown, headers: Record<string, string> = {}) =>
      request(path, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) }),
    advance: (seconds: number) => request("/mock/_control/clock/advance", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ seconds }) }),
  };
}

export const cookieOf = (res: Response) => res.headers.get("set-cookie")?.split(";")[0] ?? "";

/** An exchange as the recorder would log it, for tests of the log and its stream; the request's fields can be set. */
export function recordedExchange(request: Partial<RawRequest> = {}): Exchange {
  return {
    id: 0,
    provider: "pigai",
    initiator: "fetch",
    startedAt: 0,
    virtualTime: 0,
    durationMs: 0,
    request: { method: "POST", url: "http://localhost:4173/mock/pigai/oauth2/access_token", headers: [], body: "", ...request },
    response: { status: 200, statusText: "OK", headers: [], body: "{}" },
  };
}

/** Serves `app` on a real socket (an ephemeral loopback port), for tests of what only a socket shows. */
export async function onSocket(app: { fetch: (request: Request, env?: unknown) => Response | Promise<Response> }): Promise<{ port: number; close: () => Promise<void> }> {
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  return { port: (server.address() as AddressInfo).port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
