import { execFile, execFileSync } from "node:child_process";
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

/** One fresh mock app on a real loopback socket (for clients outside the process: curl, a browser); close() ends it and its connections. */
export async function servedMock() {
  const mock = createMockApp();
  const server = serve({ fetch: mock.app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as { port: number };
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
    });
  return { mock, base: `http://127.0.0.1:${port}`, close };
}

const END_OF_ARGS = "\u0001end-of-args\u0001";

/** The words bash passes to curl for each curl the script runs (curl itself replaced by a function that prints them). */
export function bashCurlWords(script: string, cwd?: string): string[][] {
  const stub = 'curl() { printf "%s\\0" "$@"; printf "%s\\0" "$END"; }';
  const out = execFileSync("bash", ["--norc", "--noprofile", "-c", `${stub}\n${script}`], { cwd, env: { PATH: process.env.PATH, END: END_OF_ARGS, LC_ALL: "C.UTF-8" }, encoding: "utf8" });
  const runs: string[][] = [[]];
  for (const word of out.split("\0").slice(0, -1)) {
    if (word === END_OF_ARGS) runs.push([]);
    else runs.at(-1)!.push(word);
  }
  return runs.slice(0, -1);
}

/** Runs a script with bash and the real curl; asynchronously, so a mock in this process can answer it. */
export const bashRun = (script: string) =>
  new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
    execFile("bash", ["--norc", "--noprofile", "-c", script], { encoding: "utf8", env: { PATH: process.env.PATH }, timeout: 10_000 }, (error, stdout, stderr) =>
      resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
