import { l } from "../i18n/localized.ts";

/** The support bundle's and the replay script's texts, in both languages. */
export const bm = {
  created: l("Created", "生成时间"),
  clock: l("Virtual clock", "虚拟时钟"),
  clockUnknown: l("unknown", "未知"),
  offset: (s: number) => l(`offset ${s} s`, `偏移 ${s} 秒`),
  source: l("Source document", "源文档"),
  documentedBase: (doc: string, mock: string) => l(`documented base ${doc} → mock ${mock}`, `文档地址 ${doc} → 模拟地址 ${mock}`),
  none: l("none", "无"),
  secrets: l("Secrets", "密钥"),
  redacted: l("redacted; equal values share one [redacted#…] fingerprint (keyed per browser session, so it cannot be guessed back)", "已隐去；相同的值共用同一个 [redacted#…] 指纹（按浏览器会话加密钥，无法反推）"),
  notRedacted: l("NOT redacted", "未隐去"),
  permalink: l("Restore these parameters (no secrets)", "恢复这些参数（不含密钥）"),
  steps: l("Steps", "步骤"),
  step: l("Step", "步骤"),
  result: l("Result", "结果"),
  notRun: l("not run", "未运行"),
  failing: (id: number) => l(`Failing exchange #${id}`, `失败的交换 #${id}`),
  failingNone: l("Failing exchange", "失败的交换"),
  noFailure: l("No failed exchange was recorded: no HTTP error, no error envelope in a body (JSON or JSONP), no error in a redirect.", "没有记录到失败的交换：没有 HTTP 错误，正文（JSON 或 JSONP）中没有错误包，重定向中也没有错误。"),
  failedBy: {
    status: (status: number) => l(`**Failed:** HTTP ${status}.`, `**失败：** HTTP ${status}。`),
    envelope: (status: number) =>
      l(`**Failed:** HTTP ${status}, but the body is the provider's error envelope.`, `**失败：** HTTP ${status}，但正文是服务商的错误包。`),
    redirect: (status: number) => l(`**Failed:** HTTP ${status}, a redirect that carries an OAuth error.`, `**失败：** HTTP ${status}，重定向中带有 OAuth 错误。`),
  },
  cause: l("Cause", "原因"),
  fix: l("Fix", "修正"),
  document: l("Document", "文档"),
  replay: l("Replay", "重放"),
  replayTarget: (base: string) =>
    l(
      `The curl below sends the same request to ${base}: the base this exchange was sent to (the bundled mock, or a live target's relay when the exchange went through one).`,
      `下面的 curl 把同一请求发送到 ${base}：即这次交换发往的地址（内置模拟服务器；若交换经过中继，则是真实服务器的中继）。`,
    ),
  replayVariables: l(
    "Redacted values are shell variables declared at the top: fill each in (the raw value; curl encodes form fields itself), then run the whole block.",
    "被隐去的值是开头声明的 shell 变量：逐个填入原始值（表单字段由 curl 自行编码），再运行整段命令。",
  ),
  singleUse: (field: string, variable: string) =>
    l(
      `This request redeems a single-use value (${field}). A server accepts it once: replaying this exchange with the recorded value gets the provider's invalid-code answer (invalid_grant, or its own equivalent) by design, whatever else is right or wrong. That reproduces a reused-code report; to check anything else, get a fresh one first (run the flow again up to the step that issues it) and put it in ${variable}.`,
      `这个请求兑换的是一次性的值（${field}）。服务器只接受一次：用记录下来的值重放会按设计得到服务商的“无效授权码”回答（invalid_grant 或其等价错误），与其他参数对错无关。这正好复现“授权码被重复使用”的报告；要检查其他问题，请先重新获取一个（把流程重新走到签发它的那一步），填入 ${variable}。`,
    ),
  fillIn: l("fill in", "请填写"),
  fillInHeader: l("Values redacted from this bundle: put each one between the quotes.", "本诊断包中被隐去的值：把每个值填在引号之间。"),
  everyExchange: l("Every exchange", "全部交换"),
  virtualTime: l("Virtual time", "虚拟时间"),
  initiator: l("Initiator", "发起方"),
  request: l("Request", "请求"),
  status: l("Status", "状态"),
  failed: l("Failed", "失败"),
};
