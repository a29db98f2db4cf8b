import { l, type Localized } from "./localized.ts";

/** Every UI string of the core, in both languages. Providers bring their own texts as Localized values. */
export const messages = {
  appTitle: l("OAuth Playground", "OAuth 演练场"),
  tagline: l(
    "Five providers' token flows, each built from the provider's own document and run against a bundled mock of it: learn a flow step by step, reproduce a customer's token error, and export the evidence for a ticket.",
    "五个服务商的 token 流程，各自依据服务商自己的文档、对照内置的模拟服务器运行：逐步学习流程，复现客户遇到的 token 错误，并导出证据附到工单里。",
  ),
  chooseProvider: l("Start with a provider's flow", "从一个服务商的流程开始"),
  providers: l("Providers", "服务商"),
  whatFor: l("What the playground is for", "演练场能做什么"),
  useLearn: l("Learn a flow, step by step", "逐步学习一个流程"),
  useLearnText: l(
    "Each step quotes its document; edit the parameters, run it, and read the raw HTTP that went out and came back, redirects included.",
    "每一步都引用文档原文；编辑参数、运行，查看发出和返回的原始 HTTP，包括重定向。",
  ),
  useReproduce: l("Reproduce a token error", "复现 token 错误"),
  useReproduceText: l(
    "Each flow's left column lists error scenarios (reused code, wrong secret, expired token, ban…): Reproduce drives the mock to the failing step.",
    "每个流程左栏列有错误场景（授权码重复使用、密钥错误、token 过期、封禁……）：点“复现”即把模拟服务器带到出错的那一步。",
  ),
  useExport: l("Export the evidence", "导出证据"),
  useExportText: l(
    "From the traffic panel: a HAR, a support bundle with cause, fix and a replay script, curl, a permalink; secrets redacted.",
    "在流量面板中：HAR、含原因/解决方法/重放脚本的诊断包、curl、永久链接；密钥默认隐去。",
  ),
  haveAnError: l("Have a customer's URL, curl or error body?", "手头有客户的 URL、curl 或错误响应？"),
  /** Between a label and what follows it: the Chinese colon is full-width and needs no space. */
  colon: l(": ", "："),
  /** An aside after a word, "Traffic (5)": Chinese takes full-width parentheses and no space before them. */
  paren: (text: string) => l(` (${text})`, `（${text}）`),
  sourceDocument: l("Source document", "源文档"),
  noHost: l("(no host given)", "（文档未给出主机）"),
  copy: l("Copy", "复制"),
  copied: l("Copied", "已复制"),
  clock: l("Virtual clock", "虚拟时钟"),
  clockHelp: l("Every expiry, rate limit and grace period in the mocks runs on this clock.", "模拟服务器中所有过期、限流与宽限期都按此时钟计算。"),
  advance: l("Advance", "拨快"),
  advanceBy: l("Advance the clock by", "将时钟拨快"),
  advanceVirtualClock: l("Advance the virtual clock", "将虚拟时钟拨快"),
  seconds: l("seconds", "秒"),
  resetAll: l("Reset mocks", "重置模拟服务器"),
  resetAllHelp: l("Every provider back to its fixtures, clock offset 0, traffic cleared.", "所有服务商恢复初始数据，时钟偏移归零，清空流量。"),
  language: l("Language", "语言"),
  theme: l("Theme", "主题"),
  themeSystem: l("System", "跟随系统"),
  themeLight: l("Light", "浅色"),
  themeDark: l("Dark", "深色"),
  skipToContent: l("Skip to main content", "跳到主要内容"),
  skipToStep: l("Skip to current step", "跳到当前步骤"),
  seed: l("Seed", "种子"),
  random: l("random", "随机"),
  applySeed: l("Apply seed and reset", "应用种子并重置"),
  applySeedShort: l("Apply", "应用"),
  deterministic: l("Deterministic mode", "确定性模式"),
  deterministicHelp: l(
    "With a seed, every code and token the mocks issue is reproducible: reset and replay give the same bytes. Empty means random.",
    "设置种子后，模拟服务器签发的每个授权码和 token 都可复现：重置后重放得到完全相同的值。留空表示随机。",
  ),
  diagnoseLink: l("Diagnose pasted evidence", "诊断粘贴的证据"),
  diagnoseShort: l("Diagnose", "诊断"),
} satisfies Record<string, Localized | Record<string, Localized> | ((...args: never[]) => Localized)>;
