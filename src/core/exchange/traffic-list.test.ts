import { describe, expect, it } from "vitest";
import type { Exchange } from "./exchange.ts";
import { frameBatcher } from "./frame-batcher.ts";
import { appendExchanges, shareById } from "./traffic-list.ts";

const exchange = (id: number, startedAt = id): Exchange => ({
  id,
  provider: "spring",
  initiator: "fetch",
  startedAt,
  virtualTime: 0,
  durationMs: 1,
  request: { method: "GET", url: `http://localhost/mock/spring/${id}`, headers: [], body: "" },
  response: { status: 200, statusText: "OK", headers: [], body: "" },
});

describe("appendExchanges", () => {
  it("keeps the exchanges already there as the same objects and appends the new ones", () => {
    const list = [exchange(1), exchange(2)];
    const next = appendExchanges(list, [exchange(3), exchange(4)]);
    expect(next.map((e) => e.id)).toEqual([1, 2, 3, 4]);
    expect(next[0]).toBe(list[0]);
    expect(next[1]).toBe(list[1]);
    expect(list).toHaveLength(2);
  });

  it("gives the same list back when the batch holds only repeats", () => {
    const list = [exchange(1), exchange(2)];
    expect(appendExchanges(list, [exchange(2)])).toBe(list);
    expect(appendExchanges(list, [])).toBe(list);
  });

  it("drops a repeat inside one batch and keeps the newest `keep`", () => {
    const next = appendExchanges([exchange(1), exchange(2)], [exchange(3), exchange(3), exchange(4)], 3);
    expect(next.map((e) => e.id)).toEqual([2, 3, 4]);
  });
});

describe("shareById", () => {
  it("reuses the objects of known exchanges, so a refetch re-renders no row", () => {
    const previous = [exchange(1), exchange(2)];
    const refetched = [exchange(1), exchange(2), exchange(3)];
    const shared = shareById(previous, refetched) as Exchange[];
    expect(shared[0]).toBe(previous[0]);
    expect(shared[1]).toBe(previous[1]);
    expect(shared[2]).toBe(refetched[2]);
    expect(shareById(previous, [exchange(1), exchange(2)])).toBe(previous);
  });

  it("takes a new object for a reused id with another time (a restarted server)", () => {
    const previous = [exchange(1, 100)];
    const next = [exchange(1, 200)];
    expect((shareById(previous, next) as Exchange[])[0]).toBe(next[0]);
  });
});

describe("frameBatcher", () => {
  it("hands over everything pushed before a frame in one batch", () => {
    const frames: Array<() => void> = [];
    const batches: number[][] = [];
    const batch = frameBatcher<number>((items) => batches.push(items), { schedule: (run) => frames.push(run) });
    batch.push(1);
    batch.push(2);
    batch.push(3);
    expect(frames).toHaveLength(1);
    expect(batches).toEqual([]);
    frames.shift()!();
    batch.push(4);
    frames.shift()!();
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it("keeps at most `max` waiting, the newest", () => {
    const frames: Array<() => void> = [];
    const batches: number[][] = [];
    const batch = frameBatcher<number>((items) => batches.push(items), { max: 2, schedule: (run) => frames.push(run) });
    [1, 2, 3, 4].forEach((n) => batch.push(n));
    frames.shift()!();
    expect(batches).toEqual([[3, 4]]);
  });
});
