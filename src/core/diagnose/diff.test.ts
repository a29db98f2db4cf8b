import { describe, expect, it } from "vitest";
import { charDiff, editDistance, isNearMiss } from "./diff.ts";

describe("diff helpers", () => {
  it("measures edits and near misses", () => {
    expect(editDistance("messging-client", "messaging-client")).toBe(1);
    expect(isNearMiss("redirect_id", "redirect_uri")).toBe(true);
    expect(isNearMiss("state", "scope")).toBe(false);
    expect(isNearMiss("client_secert", "client_secret")).toBe(true);
    expect(isNearMiss("callback", "client_id")).toBe(false);
  });
  it("marks extra and missing characters", () => {
    expect(charDiff("http://localhost", "http://localhost/")).toEqual([
      { op: "same", text: "http://localhost" },
      { op: "extra", text: "/" },
    ]);
    expect(charDiff("messaging-client", "messging-client")).toEqual([
      { op: "same", text: "mess" },
      { op: "missing", text: "a" },
      { op: "same", text: "ging-client" },
    ]);
  });
});
