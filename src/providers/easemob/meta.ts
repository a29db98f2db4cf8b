import { l } from "../../core/i18n/localized.ts";
import { defineMeta } from "../../core/provider/contract.ts";

/** What the home page needs before the flow is loaded. */
export const easemobMeta = defineMeta({
  id: "easemob",
  name: l("Easemob (环信) app token", "环信 app token"),
  summary: l(
    "Client credentials: POST /{org_name}/{app_name}/token with a JSON body → app token; call the REST API with it (as Authorization: Bearer, which this document does not spell out); on 401 fetch a new token; don't request tokens too often or the account is banned.",
    "客户端凭证模式：以 JSON 请求体 POST /{org_name}/{app_name}/token 获取 app token；调用 REST API 时携带它（Authorization: Bearer，本文档未写明）；遇到 401 重新获取 token；请勿频繁获取 token，否则账号会被封禁。",
  ),
  sourceDocument: "002_c9bae2a5aac132a7.txt",
  documentTitle: "使用环信 App Token 鉴权",
  documentOrigin: l("Easemob (环信) IM REST API documentation", "环信即时通讯 REST API 文档"),
  documentedBase: "https://{host}",
});
