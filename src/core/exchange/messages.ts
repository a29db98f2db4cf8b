import { l } from "../i18n/localized.ts";

/** The traffic panel's and the on-screen redaction's own strings, in both languages. */
export const xm = {
  virtualClockAt: (time: string) => l(`virtual clock ${time}`, `虚拟时钟 ${time}`),
  hiddenOnScreen: l("Redacted on screen", "屏幕上已隐去"),
  reveal: (name: string) => l(`Reveal ${name}`, `显示 ${name}`),
  hide: (name: string) => l(`Hide ${name}`, `隐藏 ${name}`),
  /** The visible text of a Reveal/Hide button beside the value it is about (its accessible name still says which). */
  revealShort: l("Reveal", "显示"),
  hideShort: l("Hide", "隐藏"),
  redactHelp: l(
    "While ticked, the screen, every copy and every export show fingerprints instead of secrets, codes and tokens.",
    "勾选时，屏幕、每次复制与每个导出都以指纹代替密钥、授权码与 token。",
  ),
  listKeys: l("Arrow keys move between exchanges; Home and End go to the newest and the oldest.", "方向键在请求之间移动；Home 与 End 跳到最新与最早的一条。"),
};
