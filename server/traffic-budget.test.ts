/**
 * The traffic log in bytes: each exchange, each log and all logs together stay within
 * their budgets, and GET /traffic streams a big log instead of building it as one string.
 */
import { describe, expect, it } from "vitest";
import type { Exchange } from "../src/core/exchange/exchange.ts";
import { EXCHANGE_BYTES, fitExchange } from "./fit-exchange.ts";
import { mockClient, recordedExchange } from "./testing.ts";
import { TrafficBudget } from "./traffic-budget.ts";
import { LOG_BYTES, TrafficLog } from "./traffic-log.ts";

const turn = () => new Promise((resolve) => setImmediate(resolve));
const sizeOf = (text: string) => Buffer.byteLength(text);
/** A body JSON writes six bytes per character of. */
const controlChars = (n: number) => "\u0001".repeat(n);

describe("traffic log byte budgets", () => {
  it("cuts an exchange's bodies until its JSON fits, and marks them", () => {
    const exchange = recordedExchange({ body: controlChars(64 * 1024) });
    exchange.response.body = controlChars(64 * 1024);
    const { json, bytes } = fitExchange(exchange);
    expect(bytes).toBe(sizeOf(json));
    expect(bytes).toBeLessThanOrEqual(EXCHANGE_BYTES);
    expect(bytes).toBeGreaterThan(EXCHANGE_BYTES / 2);
    const kept = JSON.parse(json) as Exchange;
    expect(kept.request.bodyTruncated).toBe(true);
    expect(kept.response.bodyTruncated).toBe(true);
    expect(kept.request.body.length).toBeGreaterThan(0);
  });

  it("leaves an exchange that fits untouched", () => {
    const exchange = recordedExchange({ body: "a=1" });
    expect(JSON.parse(fitExchange(exchange).json)).toEqual(exchange);
  });

  it("500 exchanges of 64 KB control characters: GET /traffic stays within one log's budget", { timeout: 60_000 }, async () => {
    const mock = mockClient();
    const body = controlChars(60 * 1024);
    for (let i = 0; i < 500; i++) await mock.postForm("/mock/pigai/oauth2/access_token", body);
    await turn();
    const res = await mock.get("/mock/_control/traffic");
    const text = await res.text();
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(sizeOf(text)).toBeLessThanOrEqual(LOG_BYTES + 2);
    const list = JSON.parse(text) as Exchange[];
    expect(list.length).toBeGreaterThan(10);
    expect(list.at(-1)!.id).toBe(500);
    expect(list.every((e) => e.request.bodyTruncated)).toBe(true);
    expect(mock.log.bytes).toBeLessThanOrEqual(LOG_BYTES);
  });

  it("one budget for many logs: past it, the least recently used log gives up its oldest first", async () => {
    const budget = new TrafficBudget(10_000);
    const idle = new TrafficLog({ budget });
    const busy = new TrafficLog({ budget });
    const sized = (n: number) => recordedExchange({ body: "x".repeat(n) });
    for (let i = 0; i < 4; i++) idle.add(sized(1_000));
    await turn();
    for (let i = 0; i < 6; i++) busy.add(sized(1_000));
    await turn();
    expect(budget.bytes).toBeLessThanOrEqual(10_000);
    expect(budget.bytes).toBe(idle.bytes + busy.bytes);
    // The idle log was used least recently: it lost its oldest, the busy one kept all six.
    expect(busy.size).toBe(6);
    expect(idle.size).toBeLessThan(4);
    expect(idle.list().at(-1)!.id).toBe(4);
    // Reading the idle log makes the busy one the least recently used: a third log's exchange now costs the busy one.
    const idleSize = idle.size;
    idle.list();
    const third = new TrafficLog({ budget });
    third.add(sized(1_000));
    await turn();
    expect(busy.size).toBe(5);
    expect(idle.size).toBe(idleSize);
    expect(budget.bytes).toBeLessThanOrEqual(10_000);
  });

  it("gives a log's bytes back when it is cleared or forgotten", async () => {
    const budget = new TrafficBudget();
    const log = new TrafficLog({ budget });
    const other = new TrafficLog({ budget });
    log.add(recordedExchange({ body: "abc" }));
    other.add(recordedExchange({ body: "def" }));
    await turn();
    const before = budget.bytes;
    log.clear();
    expect(budget.bytes).toBe(other.bytes);
    expect(budget.bytes).toBeLessThan(before);
    budget.forget(other);
    expect(budget.bytes).toBe(0);
  });

  it("streams a big GET /traffic in chunks, the same JSON as the log holds", async () => {
    const mock = mockClient();
    for (let i = 0; i < 200; i++) await mock.postForm("/mock/spring/nowhere", "x".repeat(4_000));
    await turn();
    const res = await mock.get("/mock/_control/traffic");
    const reader = res.body!.getReader();
    let chunks = 0;
    let text = "";
    const decoder = new TextDecoder();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks++;
      text += decoder.decode(value, { stream: true });
    }
    expect(chunks).toBeGreaterThan(4);
    expect(text).toBe(mock.log.json());
  });
});
