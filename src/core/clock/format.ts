/** Formats virtual Unix seconds for people: local date-time, stable width. */
export function formatUnix(seconds: number, locale: string): string {
  return new Date(seconds * 1000).toLocaleString(locale === "zh" ? "zh-CN" : "en-GB", { hour12: false });
}

/** "+2 h 10 min" style offset. */
export function formatDuration(totalSeconds: number): string {
  const sign = totalSeconds < 0 ? "−" : "+";
  let s = Math.abs(Math.round(totalSeconds));
  const d = Math.floor(s / 86400);
  s -= d * 86400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const parts = [d && `${d} d`, h && `${h} h`, m && `${m} min`, s && `${s} s`].filter(Boolean);
  return sign + (parts.join(" ") || "0 s");
}
