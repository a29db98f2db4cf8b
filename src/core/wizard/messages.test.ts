import { describe, expect, it } from "vitest";
import { timeLeft } from "./messages.ts";

describe("the time left before an expiry", () => {
  it.each([
    [45, "≈ 45 s left", "约剩 45 秒"],
    [599, "≈ 10 min left", "约剩 10 分钟"],
    [7199, "≈ 120 min left", "约剩 120 分钟"],
    [43199, "≈ 12 h left", "约剩 12 小时"],
    [1024000, "≈ 12 d left", "约剩 12 天"],
  ])("%i s reads “%s” / “%s”", (seconds, en, zh) => {
    expect(timeLeft(seconds, "en")).toBe(en);
    expect(timeLeft(seconds, "zh")).toBe(zh);
  });
});
