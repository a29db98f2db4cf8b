import { l, type Locale, type Localized } from "../i18n/localized.ts";

/** The step runner's and the outcome view's own texts, in both languages. */
export const wm = {
  saved: l("Saved.", "已保存。"),
  fixturesInvalid: (detail: string) =>
    l(
      `Not run: the mock's fixtures for this provider don't match its contract (${detail}).`,
      `未运行：该服务商的模拟数据与其契约不符（${detail}）。`,
    ),
};

const UNITS: Record<"s" | "min" | "h" | "d", Localized> = { s: l("s", "秒"), min: l("min", "分钟"), h: l("h", "小时"), d: l("d", "天") };

/** "≈ 42 min left" / "约剩 42 分钟": how long until an expiry, rounded to a unit that reads at a glance. */
export function timeLeft(seconds: number, locale: Locale): string {
  const [amount, unit] =
    seconds < 90 ? [seconds, "s" as const] : seconds < 3 * 3600 ? [seconds / 60, "min" as const] : seconds < 72 * 3600 ? [seconds / 3600, "h" as const] : [seconds / 86400, "d" as const];
  const n = new Intl.NumberFormat(locale === "zh" ? "zh-CN" : "en-GB").format(Math.round(amount));
  return locale === "zh" ? `约剩 ${n} ${UNITS[unit].zh}` : `≈ ${n} ${UNITS[unit].en} left`;
}
