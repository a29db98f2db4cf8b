import { l } from "../../core/i18n/localized.ts";
import type { ProviderContract } from "../../core/provider/contract.ts";
import { easemobMeta } from "./meta.ts";
import { easemobErrorSchema, easemobFixturesSchema } from "./schemas.ts";

export const easemobContract: ProviderContract = {
  ...easemobMeta,
  schemas: { fixtures: easemobFixturesSchema, errors: [easemobErrorSchema] },
  // The document's client_id and client_secret are its demo app's, seeded as they are: not flagged as examples.
  secrets: { fields: ["client_secret", "access_token", "password"] },
  examples: [
    {
      value: "YWMte3bGuOukEeiTkNP4grL7iwAAAAAAAAAAAAAAAAAAAAGL4CTw6XgR6LaXXVmNX4QCAgMAAAFnKdc-ZgBPGgBFTrLhhyK8woMEI005emtrLJFJV6aoxsZSioSIZkr5kw",
      fields: ["access_token"],
      kind: "sample",
      source: '"access_token": "YWMte3bGuOukEeiTkNP4grL7iwAAAAAAAAAAAAAAAAAAAAGL4CTw6XgR6LaXXVmNX4QCAgMAAAFnKdc-ZgBPGgBFTrLhhyK8woMEI005emtrLJFJV6aoxsZSioSIZkr5kw",',
    },
  ],
  answers: [
    {
      // expires_in echoes the ttl the example sent (1024000), so only its type is the document's.
      request: { method: "POST", path: "/{org_name}/{app_name}/token", when: { grant_type: "client_credentials" } },
      status: 200,
      format: "json",
      example: {
        access_token: "YWMte3bGuOukEeiTkNP4grL7iwAAAAAAAAAAAAAAAAAAAAGL4CTw6XgR6LaXXVmNX4QCAgMAAAFnKdc-ZgBPGgBFTrLhhyK8woMEI005emtrLJFJV6aoxsZSioSIZkr5kw",
        expires_in: 1024000,
        application: "8be024f0-e978-11e8-b697-5d598d5f8402",
      },
      source: '"expires_in": 1024000,',
    },
  ],
  paths: {
    token: "/{org_name}/{app_name}/token",
    users: "/{org_name}/{app_name}/users",
  },
  quirks: [
    {
      id: "ttl-string",
      title: l("ttl is a Long, but the example sends the string \"1024000\"", "ttl 类型是 Long，但示例发送的是字符串 \"1024000\""),
      detail: l(
        "The parameter table types ttl as Long, yet the document's own curl quotes it. The mock accepts both a number and a numeric string; the response's expires_in is a number either way (1024000 in the document's example).",
        "参数表中 ttl 的类型为 Long，但文档自己的 curl 用引号把它写成了字符串。模拟服务器同时接受数字和数字字符串；响应里的 expires_in 始终是数字（文档示例中为 1024000）。",
      ),
      source: '"ttl": "1024000"',
    },
    {
      id: "ttl-zero-forever",
      title: l("ttl 0 means the token never expires", "ttl 为 0 表示 token 永久有效"),
      detail: l(
        "Zero is not “expire immediately”: the token is valid forever. The document does not say what expires_in reads then; the mock answers 0, and code that treats expires_in 0 as already expired refetches in a loop and hits the ban.",
        "0 不是“立即过期”：token 永久有效。文档没有说明此时 expires_in 的值；模拟服务器返回 0，把 expires_in 为 0 当作已过期的代码会反复重新获取 token，从而触发封禁。",
      ),
      source: "若设置为 `0`，则 token 永久有效。",
    },
    {
      id: "ttl-absent-console-default",
      title: l("Without ttl the console's validity applies", "不传 ttl 时以控制台设置的有效期为准"),
      detail: l(
        "The default lives in the console (用户认证 page), not in the document; the mock's value is the fixture setting default_ttl shown in /mock/_control/fixtures.",
        "默认有效期在控制台（用户认证页面）设置，文档没有给出具体值；模拟服务器使用 /mock/_control/fixtures 中显示的 default_ttl。",
      ),
      source: "若不传该参数，以 详见环信即时通讯控制台的`用户认证`页面的 token 有效期的设置为准。",
    },
    {
      id: "401-refetch",
      title: l("expires_in is not a guarantee: on 401, fetch a new token", "expires_in 不是保证：遇到 401 就重新获取 token"),
      detail: l(
        "The document warns a token may stop working before expires_in runs out. The right client retries once with a fresh token on HTTP 401 rather than trusting its own expiry arithmetic.",
        "文档提醒 token 可能在 expires_in 到期前就失效。正确的客户端在收到 HTTP 401 时用新 token 重试一次，而不是只相信自己计算的过期时间。",
      ),
      source: "由于网络延迟等原因，系统不保证 token 在此值表示的有效期内绝对有效。如果发现 token 使用异常，如返回 HTTP 状态码 401，请重新获取新的 token。",
    },
    {
      id: "token-rate-ban",
      title: l("Requesting tokens too often gets the account banned", "频繁获取 token 会导致账号被封禁"),
      detail: l(
        "The document gives neither the threshold nor the ban length. The mock answers 429 past rate_limit_max_requests token requests in rate_limit_window_seconds and then refuses for ban_seconds (all in /mock/_control/fixtures). Cache the token until near expiry instead.",
        "文档没有给出频率阈值和封禁时长。模拟服务器在 rate_limit_window_seconds 内超过 rate_limit_max_requests 次请求后返回 429，并在 ban_seconds 内拒绝请求（见 /mock/_control/fixtures）。应缓存 token 直到快过期再获取。",
      ),
      source: "请不要频繁向服务器发送获取 token 的请求，同一账号发送此请求超过一定频率会被服务器封禁。",
    },
    {
      id: "host-from-console",
      title: l("{host} comes from the console, and the example uses plain http", "{host} 来自控制台，而示例用的是 http"),
      detail: l(
        "The request line says https://{host}; the host is the console's “Rest Api” domain for public cloud, or server:port for a private deployment. The curl example calls http://a1.easemob.com. In the playground the host maps to the mock base.",
        "请求行写的是 https://{host}；公有云的 host 是控制台“域名配置 - Rest Api”，私有化部署则是“服务器地址:端口”。curl 示例调用的却是 http://a1.easemob.com。在演练场中 host 映射到模拟服务器的基址。",
      ),
      source: "'http://a1.easemob.com/easemob-demo/testapp/token'",
    },
    {
      id: "json-only",
      title: l("The body must be JSON", "请求体必须是 JSON"),
      detail: l(
        "Unlike most OAuth token endpoints, Easemob takes a JSON body, not a form. A form body is refused with 415 in the mock.",
        "与大多数 OAuth token 端点不同，环信要求 JSON 请求体而不是表单。模拟服务器对表单请求体返回 415。",
      ),
      source: "内容类型。请填 `application/json`。",
    },
  ],
  errors: [
    {
      match: { fields: { error: "invalid_client" } },
      cause: l("client_id or client_secret is wrong for this org/app.", "该 org/app 的 client_id 或 client_secret 错误。"),
      fix: l("Copy Client ID and ClientSecret from the console's app details (the document's example values work against the mock).", "从控制台应用详情复制 Client ID 和 ClientSecret（文档中的示例值可用于模拟服务器）。"),
      source: "App 的 `client_secret`，用于生成 app token 调用 REST API。",
    },
    {
      match: { fields: { error: "unsupported_grant_type" } },
      cause: l("grant_type is not client_credentials.", "grant_type 不是 client_credentials。"),
      fix: l("Send \"grant_type\": \"client_credentials\".", "发送 \"grant_type\": \"client_credentials\"。"),
      source: "该参数设置为固定字符串 `client_credentials`，即客户端凭证模式。",
    },
    {
      match: { fields: { error: "organization_application_not_found" } },
      cause: l("No app with this org_name/app_name in the URL.", "URL 中的 org_name/app_name 找不到对应的应用。"),
      fix: l("Use the console's Orgname and Appname (easemob-demo/testapp in the mock).", "使用控制台中的 Orgname 和 Appname（模拟服务器中为 easemob-demo/testapp）。"),
      source: "每个公司（组织）分配的唯一标识。",
    },
    {
      match: { status: 429, fields: { error: "reach_limit" } },
      cause: l("Too many token requests from this client: it is banned for a while (see Retry-After).", "该客户端获取 token 过于频繁，已被暂时封禁（见 Retry-After）。"),
      fix: l("Wait for the ban to end (or advance the virtual clock), and cache the token until near expiry instead of fetching it per call.", "等待封禁结束（或推进虚拟时钟），并缓存 token 直到快过期，不要每次调用都获取。"),
      source: "请不要频繁向服务器发送获取 token 的请求，同一账号发送此请求超过一定频率会被服务器封禁。",
    },
    {
      match: { status: 401, fields: { error: "unauthorized" } },
      cause: l("The app token has expired, or no token was sent.", "app token 已过期，或没有发送 token。"),
      fix: l("Fetch a new token and retry with Authorization: Bearer <token>.", "重新获取 token，并以 Authorization: Bearer <token> 重试。"),
      source: "如果发现 token 使用异常，如返回 HTTP 状态码 401，请重新获取新的 token。",
    },
    {
      match: { status: 401, fields: { error: "auth_bad_access_token" } },
      cause: l("The token was not issued by this server (typo, other app, or the mock was reset).", "该 token 不是本服务器签发的（拼写错误、其他应用的 token，或模拟服务器已重置）。"),
      fix: l("Fetch a new token from this org/app's token endpoint.", "从该 org/app 的 token 端点重新获取 token。"),
      source: "如果发现 token 使用异常，如返回 HTTP 状态码 401，请重新获取新的 token。",
    },
    {
      match: { fields: { error: "illegal_argument" } },
      cause: l("A required body field is missing or repeated, or ttl is not a non-negative whole number.", "缺少或重复了必需字段，或 ttl 不是非负整数。"),
      fix: l("Send grant_type, client_id and client_secret; ttl in seconds as a number or numeric string (0 = never expires).", "发送 grant_type、client_id 和 client_secret；ttl 以秒为单位，可为数字或数字字符串（0 表示永久有效）。"),
      source: "token 有效期，单位为秒。",
    },
    {
      match: { fields: { error: "json_parse" } },
      cause: l("The body is not a valid JSON object.", "请求体不是合法的 JSON 对象。"),
      fix: l("Send a JSON object like the document's example.", "按文档示例发送 JSON 对象。"),
    },
    {
      match: { status: 415, fields: { error: "unsupported_media_type" } },
      cause: l("Content-Type is not application/json.", "Content-Type 不是 application/json。"),
      fix: l("Add the header Content-Type: application/json (and Accept: application/json).", "添加请求头 Content-Type: application/json（以及 Accept: application/json）。"),
      source: "内容类型。请填 `application/json`。",
    },
  ],
};
