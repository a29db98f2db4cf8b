import { l } from "../../../core/i18n/localized.ts";
import type { ParamSpec, StepContext, StepOption } from "../../../core/wizard/types.ts";
import type { EasemobFixtures } from "../schemas.ts";
import type { EasemobValues } from "./values.ts";

type Param = ParamSpec<EasemobValues, EasemobFixtures>;
export const firstApp = (ctx: Pick<StepContext<EasemobValues, EasemobFixtures>, "fixtures">) => ctx.fixtures?.clients[0];

/** The document's own ttl, a quoted string in its curl. */
export const DOC_TTL = "1024000";

export const orgParam: Param = {
  name: "org_name",
  required: true,
  in: "path",
  explain: l("The organization's unique id: console → 应用概览 → 应用详情 → 应用信息 - Orgname.", "每个公司（组织）分配的唯一标识。详见控制台 应用概览->应用详情 页面下的 应用信息-Orgname。"),
  initial: (ctx) => ctx.values.org_name ?? firstApp(ctx)?.org_name,
};
export const appParam: Param = {
  name: "app_name",
  required: true,
  in: "path",
  explain: l("The app name given when the app was created: 应用信息 - Appname.", "创建应用时填入的应用名称。详见 应用信息-Appname。"),
  initial: (ctx) => ctx.values.app_name ?? firstApp(ctx)?.app_name,
};
export const clientIdParam: Param = {
  name: "client_id",
  required: true,
  explain: l("The app's client_id (应用信息 - Client ID).", "App 的 client_id（应用信息-Client ID）。"),
  initial: (ctx) => ctx.values.client_id ?? firstApp(ctx)?.client_id,
};
export const clientSecretParam: Param = {
  name: "client_secret",
  required: true,
  secret: true,
  explain: l("The app's client_secret (应用信息 - ClientSecret).", "App 的 client_secret（应用信息-ClientSecret）。"),
  initial: (ctx) => ctx.values.client_secret ?? firstApp(ctx)?.client_secret,
};
export const tokenParam: Param = {
  name: "access_token",
  required: true,
  secret: true,
  in: "header",
  explain: l("The app token, sent as Authorization: Bearer <token> (the scheme is not in the document: assumed).", "app token，以 Authorization: Bearer <token> 发送（文档中没有写明方案：推测）。"),
  initial: (ctx) => ctx.values.access_token,
};
export const ttlParam: Param = {
  name: "ttl",
  explain: l(
    "Optional. Token validity in seconds. Sent as chosen above (string, number, left out, or 0 = never expires).",
    "可选。token 有效期，单位为秒。按上方的选择发送（字符串、数字、不传，或 0 = 永久有效）。",
  ),
  initial: () => DOC_TTL,
  check: (value) => (/^\d+$/.test(value) ? undefined : l("ttl must be a whole number of seconds.", "ttl 必须是整数秒。")),
};
export const expiresAtParam: Param = {
  name: "token_expires_at",
  explain: l("When the cached token expires on the virtual clock: Unix seconds, or never (a ttl 0 token).", "缓存 token 在虚拟时钟上的过期时间：Unix 秒，或 never（ttl 为 0 的 token）。"),
  initial: (ctx) => (ctx.values.token_expires_at === undefined ? undefined : String(ctx.values.token_expires_at)),
  check: (value) => (/^(\d+|never)$/.test(value) ? undefined : l("Unix seconds, or never.", "Unix 秒，或 never。")),
};
export const marginParam: Param = {
  name: "refresh_margin",
  explain: l("Fetch a new token when fewer than this many seconds are left.", "剩余秒数少于此值时重新获取 token。"),
  initial: () => "3600",
  check: (value) => (/^\d+$/.test(value) ? undefined : l("A whole number of seconds.", "整数秒。")),
};
export const maxAttemptsParam: Param = {
  name: "max_attempts",
  explain: l(
    "Not sent: at most this many token requests, stopping at the first 429. Default: rate_limit_max_requests + 1 from the fixtures.",
    "不发送：最多发送这么多个 token 请求，遇到第一个 429 即停止。默认为初始数据中的 rate_limit_max_requests + 1。",
  ),
  initial: (ctx) => String((ctx.fixtures?.settings.rate_limit_max_requests ?? 5) + 1),
  check: (value) => (/^\d{1,2}$/.test(value) && Number(value) > 0 ? undefined : l("1 to 99.", "1 到 99。")),
};

export const ttlOption: StepOption = {
  id: "ttl",
  label: l("How ttl is sent", "ttl 的发送方式"),
  default: "string",
  choices: [
    { value: "string", label: l("As a string, \"1024000\" (the document's curl)", "字符串 \"1024000\"（文档的 curl）"), explain: l("The table says Long; the example quotes it", "参数表写的是 Long，示例却加了引号") },
    { value: "number", label: l("As a number (the table's Long)", "数字（参数表中的 Long）"), explain: l("\"ttl\": 1024000", "\"ttl\": 1024000") },
    { value: "omit", label: l("Left out (the console's default)", "不传（控制台默认值）"), explain: l("default_ttl from the fixtures applies", "使用初始数据中的 default_ttl") },
    { value: "zero", label: l("0 (never expires)", "0（永久有效）"), explain: l("\"ttl\": 0, not “expire at once”", "\"ttl\": 0，不是“立即过期”") },
  ],
};
export const bodyOption: StepOption = {
  id: "body",
  label: l("Body encoding", "请求体编码"),
  default: "json",
  choices: [
    { value: "json", label: l("JSON (the document)", "JSON（文档）"), explain: l("Content-Type: application/json", "Content-Type: application/json") },
    {
      value: "form",
      label: l("Form (reproduces the 415)", "表单（复现 415）"),
      explain: l("What most OAuth servers take; the document asks for JSON, and the mock refuses a form with 415 (assumed)", "多数 OAuth 服务器接受的写法；文档要求 JSON，模拟服务器对表单返回 415（推测）"),
    },
  ],
};
export const retryOption: StepOption = {
  id: "retry",
  label: l("Auto-retry on 401", "遇到 401 自动重试"),
  default: "on",
  choices: [
    { value: "on", label: l("On: 401 → new token → retry", "开启：401 → 新 token → 重试"), explain: l("What the document advises", "文档建议的做法") },
    { value: "off", label: l("Off: show the 401", "关闭：直接显示 401"), explain: l("One request only", "只发一个请求") },
  ],
};
