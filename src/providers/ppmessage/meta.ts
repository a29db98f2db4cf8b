import { l } from "../../core/i18n/localized.ts";
import { defineMeta } from "../../core/provider/contract.ts";

/** What the home page needs before the flow is loaded. */
export const ppmessageMeta = defineMeta({
  id: "ppmessage",
  name: l("PPMessage", "PPMessage"),
  summary: l(
    "Authorization code: /ppauth/auth → 应用授权 page (email + password, 继续) → code → POST /ppauth/token, then POST /api/<NAME> with Authorization: OAuth <token>.",
    "授权码模式：/ppauth/auth → 应用授权页（邮箱 + 密码，继续）→ code → POST /ppauth/token，再用 Authorization: OAuth <token> 调用 POST /api/<NAME>。",
  ),
  sourceDocument: "000_71936758c407cc49.txt",
  documentTitle: "获取token",
  documentOrigin: l("PPMessage's developer documentation", "PPMessage 开发者文档"),
  documentedBase: "https://ppmessage.com",
});
