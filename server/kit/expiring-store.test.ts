import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createClock } from "./clock.ts";
import { ExpiringStore } from "./expiring-store.ts";

describe("ExpiringStore", () => {
  it("evicts oldest first and never exceeds its capacity (model-checked)", () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant("set" as const), key: fc.integer({ min: 0, max: 40 }) }),
      fc.record({ kind: fc.constant("delete" as const), key: fc.integer({ min: 0, max: 40 }) }),
      fc.record({ kind: fc.constant("take" as const), key: fc.integer({ min: 0, max: 40 }) }),
      fc.record({ kind: fc.constant("clear" as const), key: fc.constant(0) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.array(op, { maxLength: 300 }), (capacity, ops) => {
        const store = new ExpiringStore<number>(createClock(), capacity);
        let model: string[] = [];
        for (const { kind, key } of ops) {
          const k = `k${key}`;
          if (kind === "set") {
            store.set(k, key, null);
            model = [...model.filter((m) => m !== k), k];
            if (model.length > capacity) model = model.slice(model.length - capacity);
          } else if (kind === "delete") {
            store.delete(k);
            model = model.filter((m) => m !== k);
          } else if (kind === "take") {
            expect(store.take(k)).toBe(model.includes(k) ? key : undefined);
            model = model.filter((m) => m !== k);
          } else {
            store.clear();
            model = [];
          }
          expect([...store.live()].map(([name]) => name)).toEqual(model);
          expect(store.size).toBeLessThanOrEqual(capacity);
        }
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it("tells expired from unknown, and sweeps long-expired entries", () => {
    const clock = createClock(() => 1_000_000);
    const store = new ExpiringStore<string>(clock, 100);
    store.set("a", "x", clock.now() + 10);
    expect(store.get("a")).toBe("x");
    clock.advance(11);
    expect(store.get("a")).toBeUndefined();
    expect(store.lookup("a")).toEqual({ value: "x", expired: true });
    clock.advance(7200);
    store.sweep(3600);
    expect(store.lookup("a")).toBeUndefined();
  });
});
