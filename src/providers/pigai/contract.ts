import { l } from "../../core/i18n/localized.ts";
import type { ProviderContract } from "../../core/provider/contract.ts";
import { pigaiMeta } from "./meta.ts";
import { pigaiErrorSchema, pigaiFixturesSchema } from "./schemas.ts";

export const pigaiContract: ProviderContract = {
  ...pigaiMeta,
  schemas: { fixtures: pigaiFixturesSchema, errors: [pigaiErrorSchema] },
  secrets: { fields: ["client_secret", "access_token"] },
  examples: [
    { value: "APIKEY", fields: ["client_id"], kind: "placeholder", source: "http://api.pigai.org/oauth2/authorize2?callback=myfun&response_type=token&client_id=APIKEY&state=xyz" },
    { value: "提供APIKEY", fields: ["client_id"], kind: "placeholder", source: "client_id: '提供APIKEY'," },
    { value: "Your_App_Key", fields: ["client_id"], kind: "placeholder", source: '-d "grant_type=client_credentials&client_id=Your_App_Key&client_secret=Your_App_Secret"' },
    { value: "Your_App_Secret", fields: ["client_secret"], kind: "placeholder", source: '-d "grant_type=client_credentials&client_id=Your_App_Key&client_secret=Your_App_Secret"' },
    { value: "fc21ed0947c99cd8987da173857c89278682d908", fields: ["access_token"], kind: "sample", source: '"access_token":"fc21ed0947c99cd8987da173857c89278682d908"' },
    { value: "8d734bf19bc9e7b0dbec5642204e7988a05cc222", fields: ["access_token"], kind: "sample", source: 'myfun({"access_token":"8d734bf19bc9e7b0dbec5642204e7988a05cc222","expires_in":"7200","token_type":"Bearer","state":"xyz"})' },
    { value: "336342b797d895c2fafcfa547f751bfd326dc168", fields: ["access_token"], kind: "sample", source: '"access_token":"336342b797d895c2fafcfa547f751bfd326dc168",' },
  ],
  answers: [
    {
      request: { method: "GET", path: "/oauth2/authorize2", when: { response_type: "token" } },
      status: 200,
      format: "jsonp",
      example: { access_token: "8d734bf19bc9e7b0dbec5642204e7988a05cc222", expires_in: "7200", token_type: "Bearer", state: "xyz" },
      fixed: ["expires_in", "token_type"],
      source: 'myfun({"access_token":"8d734bf19bc9e7b0dbec5642204e7988a05cc222","expires_in":"7200","token_type":"Bearer","state":"xyz"})',
    },
    {
      request: { method: "POST", path: "/oauth2/access_token", when: { grant_type: "client_credentials" } },
      status: 200,
      format: "json",
      example: { access_token: "336342b797d895c2fafcfa547f751bfd326dc168", expires_in: 7200, token_type: "Bearer", scope: null },
      fixed: ["expires_in", "token_type"],
      source: '"access_token":"336342b797d895c2fafcfa547f751bfd326dc168",',
    },
  ],
  paths: {
    authorize: "/oauth2/authorize2",
    token: "/oauth2/access_token",
    me: "/api/me",
  },
  quirks: [
    {
      id: "expires-in-string-vs-number",
      title: l("expires_in is the string \"7200\" in method one and the number 7200 in method two", "expires_in 在方法一中是字符串 \"7200\"，在方法二中是数字 7200"),
      detail: l(
        "The JSONP answer quotes expires_in (\"7200\"); the server-side answer does not (7200). Code shared by both paths must not compare with === or do arithmetic without converting: \"7200\" + 60 is \"720060\".",
        "JSONP 返回的 expires_in 带引号（\"7200\"）；服务器端返回的不带（7200）。两条路径共用的代码不能直接用 === 比较或做加法：\"7200\" + 60 得到 \"720060\"。",
      ),
      source: ',"expires_in":"7200"',
    },
    {
      id: "one-error-code",
      title: l("Every error has error_code 21329", "所有错误的 error_code 都是 21329"),
      detail: l(
        "The document's one failure example has error_code 21329 with the placeholders 原因 (reason) and 原因描述 (its description), and it lists no other code. So the mock answers 21329 for every failure, a bad client and an expired token alike: tell failures apart by error, not by error_code.",
        "文档唯一的失败示例中 error_code 为 21329，error 与 error_description 只是占位的“原因”“原因描述”，也没有列出其他错误码。因此模拟服务器对所有失败都返回 21329，无论是客户端错误还是 token 过期：请用 error 区分失败，而不是 error_code。",
      ),
      source: '    "error": "原因",\n    "error_code": 21329,\n    "error_description": "原因描述"',
    },
    {
      id: "method-two-state",
      title: l("Method two's result table lists state, which this flow never returns", "文档中方法二的返回参数表列出了 state，但这个流程从不返回它"),
      detail: l(
        "client_credentials has no state parameter and the success example has none, but the table under it copies method one's state row. Do not wait for or check a state in the server-side answer; only the JSONP answer echoes state (and only when you sent one).",
        "client_credentials 没有 state 参数，成功示例里也没有，但下面的表格照搬了方法一的 state 一行。不要在服务器端返回中等待或校验 state；只有 JSONP 返回会回传 state（且仅在你发送了 state 时）。",
      ),
      source: "| state | 带过来的state 防止crsf攻击 |",
    },
  ],
  errors: [
    {
      match: { status: 400, fields: { error: "invalid_request", error_description: /^callback/ } },
      cause: l("The JSONP callback is missing, repeated, or not a JavaScript identifier path; the mock answers plain JSON with 400 and never echoes the value.", "JSONP 的 callback 缺失、重复，或不是 JavaScript 标识符路径；模拟服务器以 400 返回纯 JSON，且从不回显该值。"),
      fix: l("Send callback=myfun (letters, digits, _ and $, dot-separated), or let jQuery's dataType: 'jsonp' name it.", "发送 callback=myfun（字母、数字、_ 与 $，可用点分隔），或让 jQuery 的 dataType: 'jsonp' 自动命名。"),
      source: "| callback | 必须，自定义JavaScript函数，建议使用jsonP来做。|",
    },
    {
      match: { fields: { error: "invalid_client" } },
      cause: l("client_id (APIKEY / App key) is unknown, or client_secret (App secret) is wrong.", "client_id（APIKEY / App key）无效，或 client_secret（App secret）错误。"),
      fix: l("Use the client_id and client_secret from the fixtures, not the document's placeholders APIKEY / Your_App_Key.", "使用初始数据中的 client_id 与 client_secret，而不是文档里的占位符 APIKEY / Your_App_Key。"),
      source: "| client_id | 必须,应用的唯一标识，对应于 APIKey |",
    },
    {
      match: { fields: { error: "unsupported_response_type" } },
      cause: l("response_type is not token.", "response_type 不是 token。"),
      fix: l("Send response_type=token.", "发送 response_type=token。"),
      source: "| response_type | 必须,固定值token。 |",
    },
    {
      match: { fields: { error: "unsupported_grant_type" } },
      cause: l("grant_type is not client_credentials.", "grant_type 不是 client_credentials。"),
      fix: l("Send grant_type=client_credentials.", "发送 grant_type=client_credentials。"),
      source: "| grant_type | 必须，值为`client_credentials` |",
    },
    {
      match: { fields: { error: "invalid_request" } },
      cause: l("A required parameter is missing or repeated, or the body is not a form (or JSON).", "缺少或重复了必需参数，或请求体不是表单（或 JSON）。"),
      fix: l("Send the parameters once each; the document's curl -d sends a form body.", "每个参数只发送一次；文档中的 curl -d 发送的是表单请求体。"),
      source: '-d "grant_type=client_credentials&client_id=Your_App_Key&client_secret=Your_App_Secret"',
    },
    {
      match: { status: 401, fields: { error: "expired_token" } },
      cause: l("The token expired: it lives 7200 seconds, the document's default of 2 hours (watch the virtual clock). The protected call and its 401 are assumed (not in the source document).", "token 已过期：有效期 7200 秒，即文档所说的默认 2 个小时（注意虚拟时钟）。受保护调用及其 401 为推测（源文档未写明）。"),
      fix: l("Fetch a new token with either method; the document has no refresh token.", "用任一方法重新获取 token；文档没有 refresh token。"),
      source: "| expires_in | 过期时间限制，默认为2个小时。 |",
    },
    {
      match: { status: 401, fields: { error: "invalid_token" } },
      cause: l("The token is unknown (wrong value, or the mock was reset). The protected call is assumed (not in the source document).", "token 无效（值错误，或模拟服务器已重置）。受保护调用为推测（源文档未写明）。"),
      fix: l("Send Authorization: Bearer <access_token> with a token from one of the two methods.", "用两种方法之一获取的 token 发送 Authorization: Bearer <access_token>。"),
    },
  ],
};
