import { l } from "../i18n/localized.ts";

/** The live target's texts, in both languages (kept beside the feature, like the export's). */
export const lm = {
  target: l("Target", "目标服务器"),
  bundledMock: l("Bundled mock", "内置模拟服务器"),
  bundledMockHelp: l("The playground's own mock of the document: every hop is recorded.", "演练场按文档实现的模拟服务器：每一跳都会被记录。"),
  realServer: l("Real server", "真实服务器"),
  realServerHelp: l("Your own server: loopback, or a host in LIVE_HOSTS.", "你自己的服务器：本机回环地址，或 LIVE_HOSTS 中的主机。"),
  baseUrl: l("Base URL of the real server", "真实服务器的基础地址"),
  baseUrlHelp: l("The document's base is filled in; the documented paths are appended to it.", "已填入文档中的地址；文档中的路径会接在它后面。"),
  useServer: l("Use", "使用"),
  useServerName: l("Use this server", "使用此服务器"),
  saving: l("…", "…"),
  liveNow: l("Live: this workspace's hops go to", "真实服务器：本工作区的请求发往"),
  notRecorded: l(
    "Not recorded: the browser's own hops (the authorize navigation, the server's login and consent pages, JSONP) go from your browser straight to the real server, so the playground never sees them.",
    "不记录：浏览器自己的跳转（授权跳转、服务器的登录页与授权页、JSONP）由你的浏览器直接发往真实服务器，演练场看不到它们。",
  ),
  whatIsRecorded: l("What is recorded, what is not", "哪些会被记录，哪些不会"),
  recorded: l("Recorded, marked live: token, refresh and API calls go through the playground's relay at", "会被记录并标为“真实”：token、刷新与 API 调用经过演练场的中继："),
  registerRedirect: l("Register this redirect_uri on your server:", "请在你的服务器上登记这个 redirect_uri："),
  copyRedirect: l("Copy redirect_uri", "复制 redirect_uri"),
  realBase: l("Real server", "真实服务器"),
  live: l("live", "真实"),
  liveHelp: l("Relayed to the real server: what went to it and what it answered.", "经中继发往真实服务器：发出的请求与它的应答。"),
  differences: l("Differences from the document", "与文档的差异"),
  noDifferences: l("The answer matches the document's example.", "应答与文档示例一致。"),
  conformance: l("Differences from the document (real server)", "与文档的差异（真实服务器）"),
  conformanceAgainst: (bases: string) => l(`Steps run against the real server ${bases}, each answer checked against the document's example answer.`, `以下步骤在真实服务器 ${bases} 上运行，每个应答都与文档的示例应答做了对照。`),
  notInDocument: l("the document shows no answer to compare with", "文档没有可对照的应答"),
  differencesCount: (n: number) => l(`${n} ${n === 1 ? "difference" : "differences"}`, `${n} 处差异`),
  conformanceNote: l(
    "Error answers are held to the provider's error envelopes only; their meaning is explained like the mock's.",
    "错误应答只对照服务商的错误格式；其含义的解释与模拟服务器相同。",
  ),
  scenariosOnMock: l("Scenarios reproduce against the bundled mock, even with a real server set.", "错误场景总是在内置模拟服务器上复现，即使已设置真实服务器。"),
  answeredBy: (base: string) => l(`Answered by the real server ${base}`, `由真实服务器 ${base} 应答`),
};
