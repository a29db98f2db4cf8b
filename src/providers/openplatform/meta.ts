import { l } from "../../core/i18n/localized.ts";
import { defineMeta } from "../../core/provider/contract.ts";

/** What the home page needs before the flow is loaded. */
export const openplatformMeta = defineMeta({
  id: "openplatform",
  name: l("Open platform OAuth2 (login-free code, js_ticket)", "开放平台 OAuth2（免登 code、js_ticket）"),
  summary: l(
    "Login-free code from the host app's JS → /OAuth2/token for the user's open_id; server access_token → /OAuth2/ticket for a js_ticket; /OAuth2/checkCode tells when a token or ticket expires.",
    "由宿主应用 JS 获取免登 code → /OAuth2/token 换取用户 open_id；服务器 access_token → /OAuth2/ticket 获取 js_ticket；/OAuth2/checkCode 查询 token 或 ticket 的过期时间。",
  ),
  sourceDocument: "004_edb0da84705b28c7.txt",
  documentTitle: "OAuth2 接口说明",
  documentOrigin: l("An unnamed open platform's OAuth2 interface notes", "某开放平台（未写明名称）的 OAuth2 接口说明"),
  documentedBase: "",
});
