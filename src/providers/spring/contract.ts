import { l } from "../../core/i18n/localized.ts";
import type { ProviderContract } from "../../core/provider/contract.ts";
import { springMeta } from "./meta.ts";
import { springErrorSchema, springFixturesSchema } from "./schemas.ts";

export const springContract: ProviderContract = {
  ...springMeta,
  schemas: { fixtures: springFixturesSchema, errors: [springErrorSchema] },
  secrets: {
    fields: ["client_secret", "password", "code", "access_token", "refresh_token"],
    singleUse: [{ field: "code", when: { grant_type: "authorization_code" } }],
  },
  examples: [
    { value: "W636oE", fields: ["code"], kind: "sample", source: "http://localhost?code=W636oE" },
    { value: "a2o1msDxQlL1Ej7YRJF5zmYsL_A", fields: ["access_token"], kind: "sample", source: '"access_token": "a2o1msDxQlL1Ej7YRJF5zmYsL_A",' },
    { value: "gSS2GYAKNGCVLCI02Z3sDPsWMQA", fields: ["access_token"], kind: "sample", source: '"access_token": "gSS2GYAKNGCVLCI02Z3sDPsWMQA",' },
    { value: "uIOk2gzINbjYc5SWBvvId_xXWK0", fields: ["refresh_token"], kind: "sample", source: "refresh_token=uIOk2gzINbjYc5SWBvvId_xXWK0 : **必须**，获取 token 时，授权服务器返回的 refresh_token" },
  ],
  answers: [
    {
      request: { method: "POST", path: "/oauth/token", when: { grant_type: "authorization_code" } },
      status: 200,
      format: "json",
      example: { access_token: "a2o1msDxQlL1Ej7YRJF5zmYsL_A", token_type: "bearer", refresh_token: "uIOk2gzINbjYc5SWBvvId_xXWK0", expires_in: 43199, scope: "read write" },
      fixed: ["token_type", "expires_in", "scope"],
      source: '"access_token": "a2o1msDxQlL1Ej7YRJF5zmYsL_A",',
    },
    {
      request: { method: "POST", path: "/oauth/token", when: { grant_type: "refresh_token" } },
      status: 200,
      format: "json",
      example: { access_token: "gSS2GYAKNGCVLCI02Z3sDPsWMQA", token_type: "bearer", refresh_token: "uIOk2gzINbjYc5SWBvvId_xXWK0", expires_in: 43199, scope: "read write" },
      fixed: ["token_type", "expires_in", "scope"],
      source: '"access_token": "gSS2GYAKNGCVLCI02Z3sDPsWMQA",',
    },
  ],
  paths: {
    authorize: "/oauth/authorize",
    login: "/login",
    token: "/oauth/token",
    me: "/api/me",
  },
  quirks: [
    {
      id: "client-id-typo",
      title: l("The second curl example misspells the client id", "第二个 curl 示例把 client_id 拼错了"),
      detail: l(
        "It sends client_id=messging-client (missing an “a”). No such client is registered, so copying that line verbatim fails: Spring answers 401 invalid_client “Bad client credentials” (the document shows no error answers).",
        "它发送的是 client_id=messging-client（少了一个 “a”）。没有注册这个客户端，所以照抄这一行会失败：Spring 返回 401 invalid_client “Bad client credentials”（文档没有给出错误响应）。",
      ),
      source: 'curl -X POST -d "grant_type=authorization_code&code=W636oE&client_id=messging-client&client_secret=secret&redirect_uri=http://localhost"',
    },
    {
      id: "lowercase-bearer",
      title: l("token_type is lower-case “bearer”", "token_type 是小写的 “bearer”"),
      detail: l(
        "Spring answers token_type \"bearer\". The Authorization header scheme is case-insensitive, but code that compares token_type === \"Bearer\" breaks.",
        "Spring 返回的 token_type 是 \"bearer\"。Authorization 头的方案名不区分大小写，但用 token_type === \"Bearer\" 做比较的代码会出错。",
      ),
      source: '"token_type": "bearer",',
    },
    {
      id: "postman-query-string",
      title: l("The postman example puts secrets in the query string", "postman 示例把密钥放在查询串里"),
      detail: l(
        "Spring reads request parameters from the query string and the form body alike, so both styles work; but a query string ends up in access logs and proxies, so the form body is the safer habit.",
        "Spring 同时从查询串和表单请求体读取参数，所以两种写法都能用；但查询串会进入访问日志和代理，表单请求体更稳妥。",
      ),
      source: "http://localhost:8090/oauth/token?grant_type=authorization_code&code=W636oE&client_id=messaging-client&client_secret=secret&redirect_uri=http://localhost",
    },
    {
      id: "expires-in-43199",
      title: l("expires_in is 43199, not 43200", "expires_in 是 43199 而不是 43200"),
      detail: l(
        "43199 seconds is 11 h 59 min 59 s. The document doesn't say why; Spring's default validity is 12 hours (43200 s), and it reports the remaining whole seconds, truncated, so a fresh token already says 43199.",
        "43199 秒即 11 小时 59 分 59 秒。文档没有说明原因：Spring 默认有效期为 12 小时（43200 秒），返回的是剩余整秒数（截断），所以新 token 已经是 43199。",
      ),
      source: '"expires_in": 43199,',
    },
  ],
  errors: [
    {
      match: { fields: { error: "invalid_client" } },
      cause: l("The client id is unknown or the secret is wrong (the document's second curl spells it messging-client).", "client_id 未注册或 secret 错误（文档第二个 curl 把 client_id 拼成了 messging-client）。"),
      fix: l("Send client_id=messaging-client and client_secret=secret, in the body or as HTTP Basic.", "发送 client_id=messaging-client 与 client_secret=secret，放在请求体或 HTTP Basic 中。"),
      source: "client_id=messaging-client : **必须**，在授权服务器上注册的 client_id",
    },
    {
      match: { fields: { error: "invalid_grant", error_description: /^Invalid authorization code/ } },
      cause: l("The code was already used, has expired, or was never issued. Codes are single-use.", "授权码已被使用、已过期或从未签发。授权码只能使用一次。"),
      fix: l("Go through /oauth/authorize again to get a fresh code and exchange it once.", "重新走一遍 /oauth/authorize 获取新的授权码，并只兑换一次。"),
      source: "code=W636oE : **必须**，授权服务器返回的授权码",
    },
    {
      match: { fields: { error: "redirect_uri_mismatch" } },
      cause: l("redirect_uri differs from the one used at /oauth/authorize, or is not registered for the client.", "redirect_uri 与 /oauth/authorize 时使用的不一致，或未在客户端注册。"),
      fix: l("Send exactly the registered redirect_uri, character for character, in both requests.", "两次请求都发送与注册值逐字符一致的 redirect_uri。"),
      source: "redirect_uri=http://localhost : **必须**，在授权服务器上注册的重定向的地址",
    },
    {
      match: { fields: { error: "unsupported_grant_type" } },
      cause: l("grant_type is neither authorization_code nor refresh_token.", "grant_type 既不是 authorization_code 也不是 refresh_token。"),
      fix: l("Use grant_type=authorization_code to exchange a code, grant_type=refresh_token to refresh.", "兑换授权码用 grant_type=authorization_code，刷新用 grant_type=refresh_token。"),
      source: "grant_type=authorization_code : **必须**，授权码模式(authorization code)",
    },
    {
      match: { fields: { error: "invalid_grant", error_description: /^Invalid refresh token/ } },
      cause: l("The refresh token is unknown (wrong value, or the server was reset).", "refresh_token 无效（值错误，或服务器已重置）。"),
      fix: l("Use the refresh_token from the last token response.", "使用最近一次 token 响应中的 refresh_token。"),
      source: "refresh_token=uIOk2gzINbjYc5SWBvvId_xXWK0 : **必须**，获取 token 时，授权服务器返回的 refresh_token",
    },
    {
      match: { status: 401, fields: { error: "invalid_token" } },
      cause: l("The access token is unknown or expired (12 h by default; watch the virtual clock).", "访问 token 无效或已过期（默认 12 小时；注意虚拟时钟）。"),
      fix: l("Refresh with grant_type=refresh_token and retry with the new access token.", "用 grant_type=refresh_token 刷新，并用新的访问 token 重试。"),
    },
    {
      match: { status: 401, fields: { error: "unauthorized" } },
      cause: l("No client credentials (or no bearer token) were sent.", "没有发送客户端凭据（或没有 Bearer token）。"),
      fix: l("Add client_id and client_secret, or an Authorization header.", "添加 client_id 与 client_secret，或 Authorization 头。"),
    },
  ],
};
