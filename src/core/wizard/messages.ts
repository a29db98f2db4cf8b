import { l } from "../i18n/localized.ts";

/** The step runner's and the outcome view's own texts, in both languages. */
export const wm = {
  saved: l("Saved.", "已保存。"),
  fixturesInvalid: (detail: string) =>
    l(
      `Not run: the mock's fixtures for this provider don't match its contract (${detail}).`,
      `未运行：该服务商的模拟数据与其契约不符（${detail}）。`,
    ),
};
