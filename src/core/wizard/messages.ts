import { l } from "../i18n/localized.ts";

/** The step runner's, the step view's and the outcome view's own texts, in both languages. */
export const wm = {
  saved: l("Saved: the next steps start from these values.", "已保存：后续步骤以这些值为起点。"),
  quirkSeenAt: (step: number) => l(`(as in step ${step})`, `（同步骤 ${step}）`),
  callbackRunsItself: (navigateStep: number) =>
    navigateStep > 0
      ? l(
          `This step runs itself when the provider sends the browser back here; what came back is on the right. To run it again, go to the provider from step ${navigateStep}.`,
          `服务商把浏览器重定向回这里时，此步骤会自动运行；返回结果在右侧。要再运行一次，请从步骤 ${navigateStep} 前往服务商。`,
        )
      : l("This step runs itself when the provider sends the browser back here; what came back is on the right.", "服务商把浏览器重定向回这里时，此步骤会自动运行；返回结果在右侧。"),
  noteSeenAt: (step: number) => l(`The same warning as in step ${step}`, `与步骤 ${step} 的提示相同`),
  earlierExchange: (n: number, of: number) => l(`Earlier request ${n} of ${of} in this run`, `本次运行中较早的请求 ${n}/${of}`),
  callbackRequest: l(
    "The redirect the browser followed to the playground's own callback page (not a mock's, so not in the traffic panel)",
    "浏览器跟随重定向回到演练场自己的回调页（不是模拟服务器的请求，所以不在网络流量中）",
  ),
  requestOnly: l("The request the browser sent (the page cannot read its answer)", "浏览器发出的请求（页面读不到它的响应）"),
  fixturesInvalid: (detail: string) =>
    l(
      `Not run: the mock's fixtures for this provider don't match its contract (${detail}).`,
      `未运行：该服务商的模拟数据与其契约不符（${detail}）。`,
    ),
};
