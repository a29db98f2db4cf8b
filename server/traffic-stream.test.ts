/**
 * The live traffic stream (SSE): over a real socket, where it writes to node's response
 * directly, and through app.request(), where the same logic feeds a web stream whose
 * backpressure shows what a client that stops reading gets.
 */
import { request as httpRequest, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Exchange } from "../src/core/exchange/exchange.ts";
import { createMockApp } from "./app.ts";
import { recordedExchange } from "./testing.ts";
import { TrafficLog } from "./traffic-log.ts";
import { streamTraffic, type StreamTiming } from "./traffic-stream.ts";

interface Event {
  event: string;
  data: unknown;
}

/** Splits SSE text into its events (every data line here is one JSON value). */
function parseEvents(text: string): Event[] {
  return text
    .split("\n\n")
    .filter((block) => block.trim())
    .map((block) => {
      const lines = block.split("\n");
      const field = (name: string) => lines.find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2);
      return { event: field("event") ?? "", data: JSON.parse(field("data") ?? "null") };
    });
}

const exchange = (body: string) => recordedExchange({ body });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("traffic stream over a real socket", () => {
  let mock: ReturnType<typeof createMockApp>;
  let port: number;
  let close: () => Promise<void>;

  beforeAll(async () => {
    mock = createMockApp();
    const server = serve({ fetch: mock.app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    port = (server.address() as AddressInfo).port;
    close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  });
  afterAll(() => close());

  /** Opens the stream and collects its text until `until` holds or a second passes. */
  function follow() {
    let text = "";
    let response: IncomingMessage | undefined;
    const opened = new Promise<IncomingMessage>((resolve, reject) => {
      const req = httpRequest({ host: "127.0.0.1", port, path: "/mock/_control/traffic/stream" }, (res) => {
        response = res;
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        resolve(res);
      });
      req.on("error", reject);
      req.end();
    });
    const waitFor = async (until: (text: string) => boolean) => {
      for (let i = 0; i < 100 && !until(text); i++) await sleep(10);
      return text;
    };
    return { opened, waitFor, close: () => response?.destroy() };
  }

  it("sends ready, then each exchange as it is recorded, with SSE headers", async () => {
    const stream = follow();
    const res = await stream.opened;
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/event-stream");
    expect(res.headers["cache-control"]).toBe("no-cache");
    expect(parseEvents(await stream.waitFor((t) => t.includes("event: ready")))[0]!.event).toBe("ready");

    const body = "grant_type=client_credentials&client_id=pg5f3c9a1e7b2d4c68&client_secret=e2b7c1d94f6a0385b1c7d2e9f4a6b803";
    const token = await fetch(`http://127.0.0.1:${port}/mock/pigai/oauth2/access_token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });
    const answer = await token.text();
    const events = parseEvents(await stream.waitFor((t) => t.includes("event: exchange")));
    const streamed = events.find((e) => e.event === "exchange")!.data as Exchange;
    expect(streamed.request.body).toBe(body);
    expect(streamed.response.body).toBe(answer);
    stream.close();
  });

  it("sends many exchanges in a few writes, none lost, in order", async () => {
    const stream = follow();
    await stream.opened;
    await stream.waitFor((t) => t.includes("event: ready"));
    const count = 300;
    await Promise.all(Array.from({ length: count }, (_, i) => fetch(`http://127.0.0.1:${port}/mock/spring/nowhere?i=${i}`)));
    const text = await stream.waitFor((t) => (t.match(/event: exchange/g) ?? []).length >= count);
    const urls = parseEvents(text)
      .filter((e) => e.event === "exchange")
      .map((e) => (e.data as Exchange).request.url);
    expect(urls).toHaveLength(count);
    expect(new Set(urls).size).toBe(count);
    const ids = parseEvents(text)
      .filter((e) => e.event === "exchange")
      .map((e) => (e.data as Exchange).id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    stream.close();
  });

  it("answers HEAD with the stream's headers and ends", async () => {
    const res = await fetch(`http://127.0.0.1:${port}/mock/_control/traffic/stream`, { method: "HEAD", signal: AbortSignal.timeout(2000) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    expect(await res.text()).toBe("");
  });

  it("stops following the log once the client goes away", async () => {
    // The earlier tests' streams are closed; wait until the server has seen them go.
    for (let i = 0; i < 100 && mock.log.listenerCount > 0; i++) await sleep(10);
    const before = mock.log.listenerCount;
    expect(before).toBe(0);
    const stream = follow();
    await stream.opened;
    await stream.waitFor((t) => t.includes("event: ready"));
    expect(mock.log.listenerCount).toBe(before + 1);
    stream.close();
    for (let i = 0; i < 100 && mock.log.listenerCount > before; i++) await sleep(10);
    expect(mock.log.listenerCount).toBe(before);
  });
});

describe("traffic stream for a client that stops reading", () => {
  const timing: StreamTiming = { coalesceMs: 5, batchBytes: 16 * 1024, pingMs: 60_000, backlogBytes: 100_000 };
  const streamOf = (log: TrafficLog, t: StreamTiming = timing) => {
    const app = new Hono();
    app.get("/stream", (c) => streamTraffic(c, log, t));
    return app.request("http://localhost/stream");
  };

  it("holds at most its backlog's bytes, then drops the oldest and says how many", async () => {
    const log = new TrafficLog({ capacity: 5 });
    const res = await streamOf(log);
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    // 20 KB bodies: a few fill the backlog, and nothing reads the stream meanwhile.
    const total = 30;
    for (let i = 0; i < total; i++) log.add(exchange(`${i}:${"x".repeat(20_000)}`));
    await sleep(50);

    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    const countOf = () => {
      const events = parseEvents(text.slice(0, text.lastIndexOf("\n\n") + 2));
      const received = events.filter((e) => e.event === "exchange").length;
      const dropped = events.filter((e) => e.event === "dropped").reduce((n, e) => n + (e.data as { count: number }).count, 0);
      return { events, received, dropped };
    };
    while (countOf().received + countOf().dropped < total) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    const { events, received, dropped } = countOf();
    expect(events[0]!.event).toBe("ready");
    expect(dropped).toBeGreaterThan(0);
    expect(received).toBeLessThanOrEqual(Math.ceil(timing.backlogBytes / 20_000) + 2);
    expect(received + dropped).toBe(total);
    // The newest exchange always arrives; those lost are the oldest waiting ones.
    const ids = events.filter((e) => e.event === "exchange").map((e) => (e.data as Exchange).id);
    expect(ids.at(-1)).toBe(total);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    await reader.cancel();
    await sleep(10);
    expect(log.listenerCount).toBe(0);
  });

  it("pings when idle so the connection stays open", async () => {
    const log = new TrafficLog({ capacity: 5 });
    const res = await streamOf(log, { ...timing, pingMs: 20 });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    while (!text.includes("event: ping")) text += decoder.decode((await reader.read()).value);
    expect(parseEvents(text).map((e) => e.event)).toEqual(["ready", "ping"]);
    await reader.cancel();
  });

});
