/**
 * The mock inside Vite's servers, over a real socket: a stand-in for Vite answers whatever the
 * plugin passes on, the way Vite's dev server (statusCode, then end) and its preview server
 * (writeHead) write the SPA's page.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMockApp } from "./app.ts";
import { connectMiddleware } from "./node-adapter.ts";
import { mockPassage } from "./vite-plugin.ts";

const PAGE = "<!doctype html><title>SPA</title>";

/** Like Vite, a cached copy is answered 304. */
const notModified = (req: http.IncomingMessage, res: http.ServerResponse) => req.headers["if-none-match"] !== undefined && ((res.statusCode = 304), res.end(), true);

describe.each([
  ["dev", (req: http.IncomingMessage, res: http.ServerResponse) => notModified(req, res) || ((res.statusCode = 200), res.setHeader("content-type", "text/html"), res.end(PAGE))],
  ["preview", (req: http.IncomingMessage, res: http.ServerResponse) => notModified(req, res) || (res.writeHead(200, { "content-type": "text/html" }), res.end(PAGE))],
] as const)("in Vite's %s server", (_name, viteAnswers) => {
  const { app, workspaces } = createMockApp();
  const middleware = connectMiddleware(app, mockPassage(workspaces));
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => middleware(req, res, () => viteAnswers(req, res)));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://localhost:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const navigate = { accept: "text/html", "sec-fetch-dest": "document" };

  it("the mock answers /mock and a workspace's world; Vite its pages", async () => {
    const created = await (await fetch(`${base}/mock/_control/workspaces`, { method: "POST" })).json();
    expect((await fetch(`${base}${created.base}/mock/_control/clock`)).headers.get("content-type")).toMatch(/json/);
    const page = await fetch(`${base}${created.base}/spring/token`, { headers: navigate });
    expect(page.status).toBe(200);
    expect(await page.text()).toBe(PAGE);
    expect((await fetch(`${base}/spring`, { headers: navigate })).status).toBe(200);
  });

  it("an unknown workspace: its pages are Vite's with 404 (never a 304), anything else the mock's 404 JSON", async () => {
    for (const headers of [navigate, { ...navigate, "if-none-match": 'W/"0-0"', "if-modified-since": new Date().toUTCString() }]) {
      const page = await fetch(`${base}/w/AAAAAAAAAAAAAAAA/spring`, { headers });
      expect(page.status).toBe(404);
      expect(await page.text()).toBe(PAGE);
    }
    for (const path of ["/w/AAAAAAAAAAAAAAAA/spring", "/w/AAAAAAAAAAAAAAAA/mock/spring/login"]) {
      const res = await fetch(`${base}${path}`, { headers: path.includes("/mock/") ? navigate : { accept: "application/json" } });
      expect(res.status, path).toBe(404);
      expect((await res.json()).error).toBe("unknown_workspace");
    }
  });
});
