import type { Locale } from "./localized.ts";

/**
 * Every date, time, number and duration the playground shows, in the chosen language:
 * zh-CN or en-GB, always on a 24-hour clock (a virtual clock read at 02:00 must not look like 2 PM).
 */
export const intlLocale = (locale: Locale): string => (locale === "zh" ? "zh-CN" : "en-GB");

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let format = cache.get(key);
  if (!format) cache.set(key, (format = make()));
  return format as T;
}

const dateTime = (locale: Locale) =>
  cached(`dt-${locale}`, () => new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeStyle: "medium", hourCycle: "h23" }));
const timeOnly = (locale: Locale) => cached(`t-${locale}`, () => new Intl.DateTimeFormat(intlLocale(locale), { timeStyle: "medium", hourCycle: "h23" }));

/** A virtual Unix time (seconds), date and time: "2 Dec 2026, 02:56:00" / "2026年12月2日 02:56:00". */
export const formatUnix = (seconds: number, locale: Locale): string => dateTime(locale).format(seconds * 1000);

/** A moment in real time (ms since the epoch), time of day only: "20:52:47". */
export const formatClockTime = (ms: number, locale: Locale): string => timeOnly(locale).format(ms);

const dayAndMinute = (locale: Locale) =>
  cached(`dm-${locale}`, () => new Intl.DateTimeFormat(intlLocale(locale), { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }));

/** A moment in real time (ms since the epoch), to the minute and without the year: "2 Dec, 07:20" / "12月2日 07:20". */
export const formatDayAndMinute = (ms: number, locale: Locale): string => dayAndMinute(locale).format(ms);

/** A plain count, with the language's grouping: "1,654,576,906". */
export const formatNumber = (n: number, locale: Locale): string => cached(`n-${locale}`, () => new Intl.NumberFormat(intlLocale(locale))).format(n);

type Unit = "millisecond" | "second" | "minute" | "hour" | "day" | "year";

/** "10 mins" / "10分钟": an amount of one unit, the way the language abbreviates it. */
export function formatUnit(amount: number, unit: Unit, locale: Locale, display: "short" | "narrow" = "short"): string {
  return cached(`u-${unit}-${locale}-${display}`, () => new Intl.NumberFormat(intlLocale(locale), { style: "unit", unit, unitDisplay: display, maximumFractionDigits: 0 })).format(amount);
}

const SPANS: [Unit, number][] = [
  ["day", 86400],
  ["hour", 3600],
  ["minute", 60],
  ["second", 1],
];

/**
 * A signed clock offset: "+1 day 2 hrs", "−10 mins". `largest` keeps only the first units, for a
 * control that must keep its width whatever the clock shows.
 */
export function formatOffset(totalSeconds: number, locale: Locale, largest = SPANS.length, display: "short" | "narrow" = "short"): string {
  const sign = totalSeconds < 0 ? "−" : "+";
  let rest = Math.abs(Math.round(totalSeconds));
  const parts: string[] = [];
  for (const [unit, size] of SPANS) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0 && parts.length < largest) parts.push(formatUnit(n, unit, locale, display));
  }
  return sign + (parts.join(locale === "zh" ? "" : " ") || formatUnit(0, "second", locale, display));
}

/** "≈ 42 mins left" / "约剩 42分钟": how long until an expiry, rounded to a unit that reads at a glance. */
export function formatTimeLeft(seconds: number, locale: Locale): string {
  const [amount, unit]: [number, Unit] =
    seconds < 90 ? [seconds, "second"] : seconds < 90 * 60 ? [seconds / 60, "minute"] : seconds < 72 * 3600 ? [seconds / 3600, "hour"] : [seconds / 86400, "day"];
  const n = formatUnit(Math.round(amount), unit, locale);
  return locale === "zh" ? `约剩 ${n}` : `≈ ${n} left`;
}

/** A duration in milliseconds, as the traffic panel shows one: "5 ms" / "5毫秒". */
export const formatMs = (ms: number, locale: Locale): string => formatUnit(ms, "millisecond", locale);
