import { l } from "../../core/i18n/localized.ts";
import { defineMeta } from "../../core/provider/contract.ts";

/** What the home page needs before the flow is loaded. */
export const springMeta = defineMeta({
  id: "spring",
  name: l("Spring Security OAuth2", "Spring Security OAuth2"),
  summary: l(
    "Authorization code: /oauth/authorize → /login → approval page → code → /oauth/token (query string or form), then refresh_token.",
    "授权码模式：/oauth/authorize → /login → 授权页 → code → /oauth/token（查询串或表单），再用 refresh_token 刷新。",
  ),
  sourceDocument: "001_8e80b63750555761.txt",
  documentTitle: "code 换取 token 的流程",
  documentOrigin: l("A Spring Security OAuth2 authorization server walk-through (localhost:8090)", "Spring Security OAuth2 授权服务器演练笔记（localhost:8090）"),
  documentedBase: "http://localhost:8090",
});
