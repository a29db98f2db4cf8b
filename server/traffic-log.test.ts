import { describe, expect, it } from "vitest";
import type { Exchange } from "../src/core/exchange/exchange.ts";
import { recordedExchange } from "./testing.ts";
import { TrafficBudget } from "./traffic-budget.ts";
import { TrafficLog } from "./traffic-log.ts";

const exchange = (url: string) => recordedExchange({ method: "GET", url });

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe("traffic log", () => {
  it("shows an exchange to a reader at once, numbered in the order recorded", () => {
    const log = new TrafficLog({ capacity: 10 });
    log.add(exchange("/a"));
    log.add(exchange("/b"));
    expect(log.list().map((e) => [e.id, e.request.url])).toEqual([
      [1, "/a"],
      [2, "/b"],
    ]);
  });

  it("tells listeners every exchange by the end of the turn, in order, once", async () => {
    const log = new TrafficLog({ capacity: 10 });
    const seen: number[] = [];
    log.subscribe((json) => seen.push((JSON.parse(json) as Exchange).id));
    for (let i = 0; i < 5; i++) log.add(exchange(`/${i}`));
    log.json(); // a read in between must not repeat or lose any
    log.add(exchange("/5"));
    await turn();
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("keeps only the newest as a ring, and a clear drops what was not yet serialised", async () => {
    const log = new TrafficLog({ capacity: 3 });
    for (let i = 0; i < 5; i++) log.add(exchange(`/${i}`));
    expect(log.list().map((e) => e.request.url)).toEqual(["/2", "/3", "/4"]);
    log.add(exchange("/lost"));
    log.clear();
    await turn();
    expect(log.list()).toEqual([]);
  });

  it("closed (its workspace gone): frees its bytes in the shared budget, tells its followers, keeps nothing more", async () => {
    const budget = new TrafficBudget();
    const log = new TrafficLog({ budget });
    const other = new TrafficLog({ budget });
    log.add(exchange("/a"));
    other.add(exchange("/b"));
    log.count();
    other.count();
    const seen: string[] = [];
    let closed = 0;
    log.subscribe((json) => seen.push(json), () => closed++);
    log.close();
    expect(closed).toBe(1);
    expect(budget.bytes).toBe(other.bytes);
    log.add(exchange("/late"));
    await turn();
    expect(log.count()).toBe(0);
    expect(seen).toEqual([]);
    // A follower that comes too late is told at once.
    log.subscribe(() => {}, () => closed++);
    expect(closed).toBe(2);
  });
});
