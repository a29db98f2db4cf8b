import { describe, expect, it } from "vitest";
import { formatClockTime, formatOffset, formatTimeLeft, formatUnix, formatDayAndMinute } from "./format.ts";

describe("dates and times follow the chosen language, on a 24-hour clock", () => {
  const evening = Date.UTC(2026, 10, 21, 20, 52, 47);
  it("reads a time of day as 20:52:47 in both languages, never 8:52:47 PM", () => {
    const inUtc = (ms: number) => ms + new Date(ms).getTimezoneOffset() * 60_000;
    expect(formatClockTime(inUtc(evening), "en")).toBe("20:52:47");
    expect(formatClockTime(inUtc(evening), "zh")).toBe("20:52:47");
  });
  it("writes a virtual Unix time with the language's own date", () => {
    const local = new Date(evening);
    expect(formatUnix(evening / 1000, "zh")).toBe(`${local.getFullYear()}年${local.getMonth() + 1}月${local.getDate()}日 ${formatClockTime(evening, "zh")}`);
    expect(formatUnix(evening / 1000, "en")).toMatch(/^\d{1,2} Nov 2026, \d{2}:\d{2}:47$/);
  });
});

describe("durations", () => {
  it.each([
    [45, "≈ 45 secs left", "约剩 45秒"],
    [599, "≈ 10 mins left", "约剩 10分钟"],
    [5399, "≈ 90 mins left", "约剩 90分钟"],
    [7199, "≈ 2 hrs left", "约剩 2小时"],
    [43199, "≈ 12 hrs left", "约剩 12小时"],
    [1024000, "≈ 12 days left", "约剩 12天"],
  ])("%i s left reads “%s” / “%s”", (seconds, en, zh) => {
    expect(formatTimeLeft(seconds, "en")).toBe(en);
    expect(formatTimeLeft(seconds, "zh")).toBe(zh);
  });
  it("gives a clock offset in the language's units, keeping only the largest when asked", () => {
    expect(formatOffset(600, "zh")).toBe("+10分钟");
    expect(formatOffset(7200, "zh")).toBe("+2小时");
    expect(formatOffset(86400, "zh")).toBe("+1天");
    expect(formatOffset(93784, "en")).toBe("+1 day 2 hrs 3 mins 4 secs");
    expect(formatOffset(93784, "en", 2)).toBe("+1 day 2 hrs");
    expect(formatOffset(-600, "en")).toBe("−10 mins");
    // The header's chip: narrow units, so an offset of days fits beside the time.
    expect(formatOffset(1022400, "en", 2, "narrow")).toBe("+11d 20h");
    expect(formatOffset(600, "zh", 2, "narrow")).toBe("+10分钟");
  });
});

describe("moments to the minute", () => {
  it("reads as the language writes a day and a time, on a 24-hour clock", () => {
    const at = Date.UTC(2026, 11, 2, 19, 5) + new Date(Date.UTC(2026, 11, 2, 19, 5)).getTimezoneOffset() * 60_000;
    expect(formatDayAndMinute(at, "en")).toBe("2 Dec, 19:05");
    expect(formatDayAndMinute(at, "zh")).toBe("12月2日 19:05");
  });
});
