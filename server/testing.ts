import { execFile, execFileSync } from "node:child_process";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Exchange, RawRequest } from "../src/core/exchange/exchange.ts";
import { createMockApp, type PlaygroundOptions } from "./app.ts";
import { probeClient, type ProbeClient } from "./kit/probes.ts";

export { cookieOf } from "./kit/probes.ts";

/** A workspace as POST /mock/_control/workspaces answers it, with a client for the paths below its prefix. */
export interface CreatedWorkspace {
  id: string;
  name: string;
  base: string;
  createdAt: number;
  lastUsedAt: number;
  exchanges: number;
  /** Requests to `<base><path>`, e.g. client.get("/mock/_control/clock"). */
  client: ProbeClient;
}

/** Test helpers around one fresh mock app (options as createMockApp takes them): requests as a client (curl-like) would send them. */
export function mockClient(options?: PlaygroundOptions) {
  const mock = createMockApp(options);
  const client = probeClient(mock.app, "");
  return {
    ...mock,
    ...client,
    advance: (seconds: number) => client.postJson("/mock/_control/clock/advance", { seconds }),
    /** Creates a workspace through the control API, as a script would. */
    async createWorkspace(name?: string): Promise<CreatedWorkspace> {
      const res = await client.postJson("/mock/_control/workspaces", name === undefined ? {} : { name });
      if (res.status !== 201) throw new Error(`POST /mock/_control/workspaces answered ${res.status}: ${await res.text()}`);
      const created = (await res.json()) as Omit<CreatedWorkspace, "client">;
      return { ...created, client: probeClient(mock.app, created.base) };
    },
  };
}

export type MockClient = ReturnType<typeof mockClient>;

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

/** Serves `app` on a real loopback socket (an ephemeral port unless given), for tests of what only a socket shows. */
export async function onSocket(app: { fetch: (request: Request, env?: unknown) => Response | Promise<Response> }, port = 0): Promise<{ port: number; close: () => Promise<void> }> {
  const server = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  return { port: (server.address() as AddressInfo).port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** One fresh mock app on a real loopback socket, for clients outside the process (curl, a browser). */
export async function servedMock() {
  const mock = createMockApp();
  const { port, close } = await onSocket(mock.app);
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
