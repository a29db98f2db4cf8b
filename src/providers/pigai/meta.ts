import { l } from "../../core/i18n/localized.ts";
import { defineMeta } from "../../core/provider/contract.ts";

/** What the home page needs before the flow is loaded. */
export const pigaiMeta = defineMeta({
  id: "pigai",
  name: l("Pigai (批改网)", "批改网"),
  summary: l(
    "Method one: implicit grant over JSONP (GET /oauth2/authorize2 with callback and state). Method two: server-side client_credentials (POST /oauth2/access_token). Errors: {error, error_code: 21329, error_description}.",
    "方法一：JSONP 隐式授权（GET /oauth2/authorize2，带 callback 与 state）。方法二：服务器端 client_credentials（POST /oauth2/access_token）。错误：{error, error_code: 21329, error_description}。",
  ),
  sourceDocument: "003_c0bcec8efb0406f9.txt",
  documentTitle: "授权流程",
  documentOrigin: l("Pigai (批改网) open API documentation", "批改网开放 API 文档"),
  documentedBase: "http://api.pigai.org",
});
