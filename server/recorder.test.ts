/**
 * The traffic recorder over a real socket (@hono/node-server) and through app.request():
 * what it records must be exactly what went over the wire, and the same either way.
 */
import net from "node:net";
import { Hono } from "hono";
import { setCookie } from "hono/cookie";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Exchange } from "../src/core/exchange/exchange.ts";
import { createMockApp } from "./app.ts";
import { createClock } from "./kit/clock.ts";
import { MAX_BODY_BYTES } from "./kit/http.ts";
import { recordTraffic } from "./recorder.ts";
import { onSocket } from "./testing.ts";
import { TrafficLog } from "./traffic-log.ts";

let base: string;
let port: number;
let mock: ReturnType<typeof createMockApp>;
let close: () => Promise<void>;

beforeAll(async () => {
  mock = createMockApp();
  ({ port, close } = await onSocket(mock.app));
  base = `http://127.0.0.1:${port}`;
});
afterAll(() => close());

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));
const last = () => mock.log.list().at(-1)!;

/** Sends raw HTTP/1.1 text and resolves with what came back once the server closes (or `waitMs` passes). */
function rawRequest(text: string, waitMs = 2000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(text));
    let answer = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => (answer += chunk));
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
    setTimeout(() => (socket.destroy(), resolve(answer)), waitMs);
  });
}

const PIGAI_TOKEN = "grant_type=client_credentials&client_id=pg5f3c9a1e7b2d4c68&client_secret=e2b7c1d94f6a0385b1c7d2e9f4a6b803";

describe("traffic recorder over a real socket", () => {
  it("records a form body the handler read and the JSON it answered, byte for byte", async () => {
    const body = `${PIGAI_TOKEN}&note=%E4%B8%AD%E6%96%87`;
    const res = await fetch(`${base}/mock/pigai/oauth2/access_token`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body });
    const text = await res.text();
    await settle();
    const exchange = last();
    expect(exchange.request.body).toBe(body);
    expect(exchange.request.method).toBe("POST");
    expect(exchange.request.headers).toContainEqual(["content-length", String(body.length)]);
    expect(exchange.response.status).toBe(200);
    expect(exchange.response.body).toBe(text);
    expect(exchange.response.headers).toContainEqual(["cache-control", "no-store"]);
    expect(exchange).not.toHaveProperty("request.bodyTruncated");
  });

  it("records a body the handler never read (unknown endpoint) and an HTML page", async () => {
    const res = await fetch(`${base}/mock/spring/nowhere`, { method: "POST", headers: { "Content-Type": "text/plain" }, body: "héllo" });
    expect(res.status).toBe(404);
    await settle();
    expect(last().request.body).toBe("héllo");
    expect(last().response.body).toBe(await res.text());
    const page = await fetch(`${base}/mock/spring/login`);
    const html = await page.text();
    await settle();
    expect(last().response.body).toBe(html);
    expect(last().request.body).toBe("");
  });

  it("records a refused oversized body as cut, and the 413 in full", async () => {
    const body = `a=${"b".repeat(MAX_BODY_BYTES + 10)}`;
    const res = await fetch(`${base}/mock/easemob/easemob-demo/testapp/token`, { method: "POST", headers: { "Content-Type": "application/json" }, body });
    expect(res.status).toBe(413);
    const text = await res.text();
    await settle();
    expect(last().request.bodyTruncated).toBe(true);
    expect(last().request.body.length).toBeLessThanOrEqual(MAX_BODY_BYTES);
    expect(last().response.body).toBe(text);
  });

  it("records a repeated header as app.request() does: one value, joined", async () => {
    const answer = await rawRequest(`GET /mock/spring/nowhere HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Dup: a\r\nX-Dup: b\r\nConnection: close\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 404/);
    await settle();
    const onSocket = last().request.headers.filter(([name]) => name === "x-dup");
    await mock.app.request("http://localhost:4173/mock/spring/nowhere", { headers: [["X-Dup", "a"], ["X-Dup", "b"]] });
    await settle();
    const inProcess = last().request.headers.filter(([name]) => name === "x-dup");
    expect(onSocket).toEqual([["x-dup", "a, b"]]);
    expect(inProcess).toEqual(onSocket);
  });

  it("records an aborted upload as the client's doing (status 0), never as a 5xx, and prints no stack trace", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await new Promise<void>((resolve) => {
        const socket = net.connect(port, "127.0.0.1", () => {
          socket.write(`POST /mock/pigai/oauth2/access_token HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 5000\r\n\r\n${PIGAI_TOKEN}`);
          setTimeout(() => (socket.destroy(), resolve()), 50);
        });
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const exchange = last();
      expect(exchange.request.url).toContain("/mock/pigai/oauth2/access_token");
      expect(exchange.response).toMatchObject({ status: 0, statusText: "client aborted", clientAborted: true });
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });
});

describe("traffic recorder and other sites' cookies", () => {
  it("keeps only the provider's own session cookie, and counts the others", async () => {
    const local = createMockApp();
    const cookie = "other_app_session=s3cr3t-of-another-app; JSESSIONID=abc123; theme=dark";
    await local.app.request("http://localhost:4173/mock/spring/login", { headers: { cookie } });
    await settle();
    const [exchange] = local.log.list() as [Exchange];
    expect(exchange.request.headers.filter(([name]) => name === "cookie")).toEqual([["cookie", "JSESSIONID=abc123"]]);
    expect(exchange.request.omittedCookies).toBe(2);
    expect(local.log.json()).not.toContain("s3cr3t-of-another-app");
  });

  it("drops the Cookie header of a provider that sets no cookie of its own", async () => {
    const local = createMockApp();
    await local.app.request("http://localhost:4173/mock/pigai/oauth2/access_token", { method: "POST", headers: { cookie: "a=1; b=2", "content-type": "application/x-www-form-urlencoded" }, body: PIGAI_TOKEN });
    await settle();
    const [exchange] = local.log.list() as [Exchange];
    expect(exchange.request.headers.some(([name]) => name === "cookie")).toBe(false);
    expect(exchange.request.omittedCookies).toBe(2);
  });
});

describe("traffic recorder with Hono's own answer helpers", () => {
  it("records and still sends what c.header(), setCookie() and c.json() put on an answer", async () => {
    const log = new TrafficLog();
    const app = new Hono();
    app.use("*", recordTraffic(log, createClock(), "demo", ["sid"]));
    app.post("/token", async (c) => {
      await c.req.text();
      c.header("cache-control", "no-store");
      setCookie(c, "sid", "s1", { httpOnly: true });
      return c.json({ ok: true }, 201, { "x-extra": "1" });
    });
    const res = await app.request("http://localhost/token", { method: "POST", body: "a=1" });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ ok: true });
    expect(res.headers.get("set-cookie")).toContain("sid=s1");
    expect(res.headers.get("x-extra")).toBe("1");
    await settle();
    const [exchange] = log.list() as [Exchange];
    expect(exchange.request.body).toBe("a=1");
    expect(exchange.response).toMatchObject({ status: 201, body: '{"ok":true}' });
    expect(exchange.response.headers).toEqual(expect.arrayContaining([["cache-control", "no-store"], ["x-extra", "1"], ["set-cookie", "sid=s1; Path=/; HttpOnly"]]));
  });
});
