import { describe, expect, it } from "vitest";
import { createClock } from "./clock.ts";
import { ExpiringStore } from "./expiring-store.ts";
import { issueCode, redeemCodeOnce, type CodeRecord } from "./single-use-codes.ts";

function world() {
  const clock = createClock(() => 1_000_000_000);
  return { clock, codes: new ExpiringStore<CodeRecord<string>>(clock), tokens: new ExpiringStore<string>(clock) };
}

describe("redeemCodeOnce", () => {
  it("hands out the grant once; a replay revokes every token of the family, refreshed ones included", () => {
    const { clock, codes, tokens } = world();
    issueCode(codes, "c1", "grant", clock.now() + 60);
    const first = redeemCodeOnce(codes, "c1");
    expect(first).toMatchObject({ ok: true, grant: "grant" });
    if (!first.ok) return;
    first.family.issue(tokens, "access-1", "a", null);
    first.family.issue(tokens, "refresh", "r", null);
    first.family.retire(tokens, "access-1");
    first.family.issue(tokens, "access-2", "a", null);
    tokens.set("unrelated", "u", null);
    expect(tokens.get("access-1")).toBeUndefined();
    expect(redeemCodeOnce(codes, "c1")).toEqual({ ok: false, reason: "replayed" });
    expect([...tokens.live()].map(([key]) => key)).toEqual(["unrelated"]);
  });

  it("tells unknown from expired, and still revokes on a replay after the code expired", () => {
    const { clock, codes, tokens } = world();
    expect(redeemCodeOnce(codes, "nope")).toEqual({ ok: false, reason: "unknown" });
    issueCode(codes, "late", "g", clock.now() + 60);
    issueCode(codes, "used", "g", clock.now() + 60);
    const used = redeemCodeOnce(codes, "used");
    if (used.ok) used.family.issue(tokens, "t", "v", null);
    clock.advance(61);
    expect(redeemCodeOnce(codes, "late")).toEqual({ ok: false, reason: "expired" });
    expect(redeemCodeOnce(codes, "used")).toEqual({ ok: false, reason: "replayed" });
    expect(tokens.get("t")).toBeUndefined();
  });
});
