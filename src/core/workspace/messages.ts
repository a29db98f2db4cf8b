import { l } from "../i18n/localized.ts";

/** The workspace control's and the gone page's texts, in both languages. */
export const wm = {
  workspace: l("Workspace", "工作区"),
  defaultName: l("Default workspace", "默认工作区"),
  openControl: (name: string) => l(`Workspace: ${name}`, `工作区：${name}`),
  dialogTitle: l("Workspaces", "工作区"),
  dialogIntro: l(
    "Each workspace is its own mock world: state, clock, seed and traffic. Share its link to let a colleague watch it.",
    "每个工作区都是独立的模拟世界：状态、时钟、种子与流量互不相通。分享链接即可让同事一起观看。",
  ),
  current: l("Current workspace", "当前工作区"),
  rename: l("Rename", "重命名"),
  newName: l("Workspace name", "工作区名称"),
  copyLink: l("Copy link", "复制链接"),
  copyLinkOf: (name: string) => l(`Copy link to ${name}`, `复制链接：${name}`),
  delete: l("Delete workspace", "删除工作区"),
  confirmDelete: (name: string) => l(`Delete “${name}”? Its state and traffic are gone for everyone who has its link.`, `删除「${name}」？所有持有其链接的人都将失去它的状态和流量。`),
  confirm: l("Delete", "删除"),
  cancel: l("Cancel", "取消"),
  switchTo: l("Switch to", "切换到"),
  list: l("All workspaces", "全部工作区"),
  exchanges: (n: number) => l(`${n} exchanges`, `${n} 次交互`),
  create: l("Create workspace", "新建工作区"),
  createName: l("Name (optional)", "名称（可选）"),
  /** What a workspace created without a name is called, in the language of whoever made it. */
  unnamed: (when: string) => l(`Workspace of ${when}`, `${when} 创建的工作区`),
  close: l("Close", "关闭"),
  youAreHere: l("(current)", "（当前）"),
  goneTitle: l("This workspace is gone", "此工作区已不存在"),
  goneBody: l(
    "It was deleted, or dropped after being unused for a while (or when too many newer ones were made). Its mock state and traffic cannot be brought back.",
    "它已被删除，或因一段时间未使用（或新建的工作区过多）而被清除。其模拟状态和流量无法恢复。",
  ),
  goneId: l("Workspace id", "工作区 ID"),
  goToDefault: l("Go to the default workspace", "前往默认工作区"),
  ranIn: (name: string) => l(`Reproduced in a new workspace, “${name}”: your own walk is untouched.`, `已在新工作区「${name}」中复现，你自己的流程未受影响。`),
  backTo: (name: string) => l(`Back to ${name}`, `返回「${name}」`),
  deleteAndBack: l("Delete this reproduction and go back", "删除此复现并返回"),
  failed: l("The workspace request failed", "工作区请求失败"),
};
