import { l } from "../../core/i18n/localized.ts";
import { pm } from "../../core/i18n/page-messages.ts";
import type { ProviderContract } from "../../core/provider/contract.ts";
import { ppmessageMeta } from "./meta.ts";
import { ppmessageApiErrorSchema, ppmessageFixturesSchema, ppmessageOauthErrorSchema } from "./schemas.ts";

// The badge's own words, so the step's "assumed" and the one in these lines read the same.
const ASSUMED = pm.assumed;
/** The document shows only error_code "0": every other code is the mock's. */
const mockCode = (code: string) => l(` (error_code "${code}" is ${ASSUMED.en}: the document shows only "0")`, `（error_code "${code}" 为${ASSUMED.zh}：文档只给出了 "0"）`);
const withCode = (code: string, text: { en: string; zh: string }) => l(text.en.replace(/\.$/, "") + mockCode(code).en + ".", text.zh.replace(/。$/, "") + mockCode(code).zh + "。");

export const ppmessageContract: ProviderContract = {
  ...ppmessageMeta,
  // The API envelope is also the success answer: only error_code "0" says success.
  schemas: { fixtures: ppmessageFixturesSchema, errors: [ppmessageApiErrorSchema.refine((body) => body.error_code !== "0"), ppmessageOauthErrorSchema] },
  secrets: {
    // api_secret is the setup step's name for what travels as client_secret.
    fields: ["client_secret", "api_secret", "password", "code", "access_token"],
    singleUse: [{ field: "code", when: { grant_type: "authorization_code" } }],
  },
  examples: [
    { value: "xxxx", fields: ["client_id", "redirect_uri", "redirect_id"], kind: "placeholder", source: "GET https://ppmessage.com/ppauth/auth?state=xxxx&client_id=xxxx&redirect_id=xxxx&response_type=code" },
    { value: "xxxxxx", fields: ["code"], kind: "placeholder", source: "http://you-site.com?code=xxxxxx&state=xxxx" },
    { value: "xxxxxx", fields: ["access_token"], kind: "placeholder", source: '"Authorization": "OAuth xxxxxx"' },
    { value: "xxxx", fields: ["app_uuid", "user_uuid"], kind: "placeholder", source: '"app_uuid": "xxxx",' },
  ],
  answers: [
    {
      // The document gives a table, not an example body: its values are the table's (Bearer, 3600*24 seconds).
      request: { method: "POST", path: "/ppauth/token", when: { grant_type: "authorization_code" } },
      status: 200,
      format: "json",
      example: { access_token: "xxxxxx", token_type: "Bearer", expires_in: 86400 },
      fixed: ["token_type", "expires_in"],
      source: "`token_type`     | 表示`token`类型，值为`Bearer`",
    },
    {
      request: { method: "POST", path: "/api/PP_GET_APP_SERVICE_USER_LIST" },
      status: 200,
      format: "json",
      example: { list: [], error_code: "0", error_string: "success", uri: "/PP_GET_APP_SERVICE_USER_LIST" },
      fixed: ["error_code", "error_string", "uri"],
      source: '"uri": "/PP_GET_APP_SERVICE_USER_LIST"',
    },
  ],
  paths: {
    authorize: "/ppauth/auth",
    token: "/ppauth/token",
    serviceUserList: "/api/PP_GET_APP_SERVICE_USER_LIST",
    userInfo: "/api/PP_GET_USER_INFO",
  },
  quirks: [
    {
      id: "redirect-id",
      title: l("The example URL says redirect_id; the parameter is redirect_uri", "示例 URL 写的是 redirect_id，参数其实是 redirect_uri"),
      detail: l(
        "The request-format line sends redirect_id=xxxx, but the parameter table (and the token request) use redirect_uri. A request with only redirect_id has no redirect URI at all, so the mock refuses it with an error page that names redirect_uri.",
        "请求格式一行里发送的是 redirect_id=xxxx，但参数表（以及获取 token 的请求）用的是 redirect_uri。只带 redirect_id 的请求等于没有重定向地址，模拟服务器会显示错误页并指明应使用 redirect_uri。",
      ),
      source: "GET https://ppmessage.com/ppauth/auth?state=xxxx&client_id=xxxx&redirect_id=xxxx&response_type=code",
    },
    {
      id: "bearer-vs-oauth-scheme",
      title: l("token_type is Bearer, but the API header scheme is OAuth", "token_type 是 Bearer，但调用 API 时 Authorization 头用 OAuth 方案"),
      detail: l(
        "The token response says token_type \"Bearer\", yet every API call must send Authorization: OAuth <token>. Sending Bearer <token> (what most OAuth libraries do with a Bearer token) is answered as if no token was sent (the mock's error_code \"3\"; the document shows only error_code \"0\", for success).",
        "token 响应中 token_type 为 \"Bearer\"，但调用 API 时必须发送 Authorization: OAuth <token>。发送 Bearer <token>（多数 OAuth 库对 Bearer token 的默认做法）会被当作没有 token（模拟服务器的 error_code \"3\"；文档只给出了表示成功的 error_code \"0\"）。",
      ),
      source: '"Authorization": "OAuth xxxxxx"',
    },
  ],
  errors: [
    {
      match: { status: 400, fields: { error: "invalid_request", error_description: /redirect_id/ } },
      cause: l("The authorize request carries redirect_id (as in the document's example URL) instead of redirect_uri.", "授权请求带的是 redirect_id（照抄文档示例 URL），而不是 redirect_uri。"),
      fix: l("Rename the parameter to redirect_uri and send a registered URI.", "把参数名改为 redirect_uri，并发送已注册的 URI。"),
      source: "`redirect_uri`   | 表示重定向`URI`，最终获取`token`成功后，PPMessage服务器会把用户导向这个`URI`",
    },
    {
      match: { fields: { error: "invalid_client" } },
      cause: l("client_id is not a known api_key, or client_secret is not its api_secret.", "client_id 不是已知的 api_key，或 client_secret 与其 api_secret 不符。"),
      fix: l("Use the kefu or console api_key / api_secret pair from the fixtures.", "使用初始数据中 kefu 或 console 的 api_key / api_secret。"),
      source: "`client_secret`   | 表示客户端的`api_secret`(即`kefu api_secret`和`console api_secret`)",
    },
    {
      match: { fields: { error: "redirect_uri_mismatch" } },
      cause: l(`redirect_uri is not registered for this client. The mock compares exact strings, with no trailing-slash leniency, and shows an error page instead of redirecting: ${ASSUMED.en}.`, `redirect_uri 未为该客户端注册。模拟服务器逐字符比较（不容忍末尾斜杠差异），并显示错误页而不是重定向：${ASSUMED.zh}。`),
      fix: l("Send one of the registered redirect URIs exactly.", "发送与注册值完全一致的重定向 URI。"),
      source: "`redirect_uri`   | 表示重定向`URI`，最终获取`token`成功后，PPMessage服务器会把用户导向这个`URI`",
    },
    {
      match: { fields: { error: "invalid_grant", error_description: /^Invalid authorization code/ } },
      cause: l("The code is unknown, expired (10 minutes, assumed) or already used. On the mock (assumed), a replayed code also revokes the token it issued.", "授权码无效、已过期（10 分钟，推测）或已被使用。在模拟服务器中（推测），重放授权码还会吊销用它换到的 token。"),
      fix: l("Go through the 应用授权 page again and exchange the new code once.", "重新经过应用授权页，并只兑换一次新的授权码。"),
      source: "`code`            | 你获取的授权码",
    },
    {
      match: { fields: { error: "invalid_grant", error_description: /^redirect_uri mismatch/ } },
      cause: l("redirect_uri in the token request differs from the one sent to /ppauth/auth.", "获取 token 时的 redirect_uri 与 /ppauth/auth 时发送的不一致。"),
      fix: l("Send exactly the same redirect_uri in both requests.", "两次请求发送完全相同的 redirect_uri。"),
      source: "`redirect_uri`    | 重定向uri, 应该和之前的一致",
    },
    {
      match: { fields: { error: "unsupported_grant_type" } },
      cause: l("grant_type is not authorization_code.", "grant_type 不是 authorization_code。"),
      fix: l("Send grant_type=authorization_code.", "发送 grant_type=authorization_code。"),
      source: "`grant_type`      | token 类型, 值为`authorization_code`",
    },
    {
      match: { fields: { error: "invalid_request" } },
      cause: l(`A parameter is missing, repeated or the body could not be read. The {error, error_description} shape of /ppauth errors is ${ASSUMED.en}.`, `参数缺失、重复或请求体无法解析。/ppauth 错误的 {error, error_description} 格式为${ASSUMED.zh}。`),
      fix: l("Send code, client_id, client_secret, redirect_uri and grant_type once each, as a form or JSON body.", "以表单或 JSON 请求体发送 code、client_id、client_secret、redirect_uri、grant_type，各一次。"),
      source: "请求body参数:",
    },
    {
      match: { status: 401, fields: { error_code: "3" } },
      cause: withCode("3", l("No token was found: the Authorization header is missing or uses another scheme (Bearer instead of OAuth).", "没有找到 token：缺少 Authorization 头，或方案名不是 OAuth（例如用了 Bearer）。")),
      fix: l("Send Authorization: OAuth <access_token>, even though token_type says Bearer.", "发送 Authorization: OAuth <access_token>，尽管 token_type 写的是 Bearer。"),
      source: '"Authorization": "OAuth xxxxxx"',
    },
    {
      match: { status: 401, fields: { error_code: "4" } },
      cause: withCode("4", l("The token is unknown or was revoked (e.g. its code was replayed, or the mock was reset).", "token 无效或已被吊销（例如其授权码被重放，或模拟服务器已重置）。")),
      fix: l("Get a new token through /ppauth/auth and /ppauth/token.", "通过 /ppauth/auth 与 /ppauth/token 重新获取 token。"),
    },
    {
      match: { status: 401, fields: { error_code: "5" } },
      cause: withCode("5", l("The token expired: it lives 3600*24 seconds, i.e. 24 hours (watch the virtual clock).", "token 已过期：有效期 3600*24 秒，即 24 小时（注意虚拟时钟）。")),
      fix: l("Get a new token; PPMessage documents no refresh token.", "重新获取 token；PPMessage 文档没有 refresh token。"),
      source: "`expires_in`     | 表示`token`有效时间，值为`3600*24`秒，即24小时",
    },
    {
      match: { fields: { error_code: "1" } },
      cause: withCode("1", l("The API body is not JSON (Content-Type must be application/json), or the API was not called with POST.", "API 请求体不是 JSON（Content-Type 必须为 application/json），或没有用 POST 调用。")),
      fix: l("POST a JSON object with Content-Type: application/json.", "以 Content-Type: application/json POST 一个 JSON 对象。"),
      source: '"Content-Type": "application/json",',
    },
    {
      match: { fields: { error_code: "6" } },
      cause: withCode("6", l("A required body parameter is missing: app_uuid (the kefu or console api_uuid), or user_uuid for PP_GET_USER_INFO.", "缺少必需的请求体参数：app_uuid（kefu 或 console 的 api_uuid），或 PP_GET_USER_INFO 所需的 user_uuid。")),
      fix: l("Add app_uuid (and user_uuid where the API needs it) to the JSON body.", "在 JSON 请求体中加入 app_uuid（以及 API 需要时的 user_uuid）。"),
      source: "部分API需要你提供`app_uuid`(即`kefu api_uuid`和`console api_uuid`)，或`user_uuid`(在 **应用授权** 界面输入邮箱和密码的用户)。此时body应包括相应参数。",
    },
    {
      match: { fields: { error_code: "13" } },
      cause: withCode("13", l("app_uuid is not one of the registered api_uuid values.", "app_uuid 不是已注册的 api_uuid。")),
      fix: l("Use the kefu or console api_uuid from the fixtures.", "使用初始数据中 kefu 或 console 的 api_uuid。"),
    },
    {
      match: { fields: { error_code: "7" } },
      cause: withCode("7", l("user_uuid names no user.", "user_uuid 对应的用户不存在。")),
      fix: l("Use the user_uuid of the user who signed in on the 应用授权 page.", "使用在应用授权页登录的用户的 user_uuid。"),
    },
    {
      match: { status: 404, fields: { error_code: "21" } },
      cause: l(`No such API (the mock serves PP_GET_APP_SERVICE_USER_LIST and PP_GET_USER_INFO); the status codes and this code are ${ASSUMED.en}.`, `没有这个 API（模拟服务器提供 PP_GET_APP_SERVICE_USER_LIST 与 PP_GET_USER_INFO）；HTTP 状态码与此错误码为${ASSUMED.zh}。`),
      fix: l("Check the API name in POST /api/<NAME>.", "检查 POST /api/<NAME> 中的 API 名称。"),
      source: "POST https://ppmessage.com/api/xxxx",
    },
  ],
};
