import { l } from "../../core/i18n/localized.ts";
import { errorOutcome, fieldFacts, pickParams } from "../../core/wizard/helpers.ts";
import type { Fact, Flow, Outcome, ParamSpec, RequestSpec, SentExchange, StepContext, StepOption, Values } from "../../core/wizard/types.ts";
import { easemobContract } from "./contract.ts";
import { easemobScenarios } from "./scenarios.ts";

/** The provider's slice of GET /mock/_control/fixtures (never imported from fixtures.ts: that is server code). */
interface EasemobFixture {
  clients: Array<{ org_name: string; app_name: string; client_id: string; client_secret: string; application: string }>;
  settings?: { default_ttl?: number; rate_limit_max_requests?: number; rate_limit_window_seconds?: number; ban_seconds?: number };
}
const BASE = easemobContract.mockBase;
const fixture = (ctx: { fixtures: unknown }) => ctx.fixtures as EasemobFixture | undefined;
const firstApp = (ctx: { fixtures: unknown }) => fixture(ctx)?.clients[0];
const settings = (ctx: { fixtures: unknown }) => fixture(ctx)?.settings ?? {};
/** The document's own ttl, a quoted string in its curl. */
const DOC_TTL = "1024000";

const easemobErrorText = (b: Record<string, unknown>) => `${String(b.error)}: ${String(b.error_description ?? "")}`;

// ---- parameters shared by several steps ----------------------------------------------------------

const orgParam: ParamSpec = {
  name: "org_name",
  required: true,
  in: "path",
  explain: l("Required. The organization's unique id: console → 应用概览 → 应用详情 → 应用信息 - Orgname.", "必需。每个公司（组织）分配的唯一标识。详见控制台 应用概览->应用详情 页面下的 应用信息-Orgname。"),
  initial: (ctx) => ctx.values.org_name ?? firstApp(ctx)?.org_name,
};
const appParam: ParamSpec = {
  name: "app_name",
  required: true,
  in: "path",
  explain: l("Required. The app name given when the app was created: 应用信息 - Appname.", "必需。创建应用时填入的应用名称。详见 应用信息-Appname。"),
  initial: (ctx) => ctx.values.app_name ?? firstApp(ctx)?.app_name,
};
const clientIdParam: ParamSpec = {
  name: "client_id",
  required: true,
  explain: l("Required. The app's client_id (应用信息 - Client ID).", "必需。App 的 client_id（应用信息-Client ID）。"),
  initial: (ctx) => ctx.values.client_id ?? firstApp(ctx)?.client_id,
};
const clientSecretParam: ParamSpec = {
  name: "client_secret",
  required: true,
  secret: true,
  explain: l("Required. The app's client_secret (应用信息 - ClientSecret).", "必需。App 的 client_secret（应用信息-ClientSecret）。"),
  initial: (ctx) => ctx.values.client_secret ?? firstApp(ctx)?.client_secret,
};
const tokenParam: ParamSpec = {
  name: "access_token",
  required: true,
  secret: true,
  in: "header",
  explain: l("The app token, sent as Authorization: Bearer <token>.", "app token，以 Authorization: Bearer <token> 发送。"),
  initial: (ctx) => ctx.values.access_token,
};

const ttlOption: StepOption = {
  id: "ttl",
  label: l("How ttl is sent", "ttl 的发送方式"),
  choices: [
    { value: "string", label: l("As a string, \"1024000\" (the document's curl)", "字符串 \"1024000\"（文档的 curl）"), explain: l("The table says Long; the example quotes it", "参数表写的是 Long，示例却加了引号") },
    { value: "number", label: l("As a number (the table's Long)", "数字（参数表中的 Long）"), explain: l("\"ttl\": 1024000", "\"ttl\": 1024000") },
    { value: "omit", label: l("Left out (the console's default)", "不传（控制台默认值）"), explain: l("default_ttl from the fixtures applies", "使用 fixtures 中的 default_ttl") },
    { value: "zero", label: l("0 (never expires)", "0（永久有效）"), explain: l("\"ttl\": 0, not “expire at once”", "\"ttl\": 0，不是“立即过期”") },
  ],
};
const bodyOption: StepOption = {
  id: "body",
  label: l("Body encoding", "请求体编码"),
  choices: [
    { value: "json", label: l("JSON (the document)", "JSON（文档）"), explain: l("Content-Type: application/json", "Content-Type: application/json") },
    { value: "form", label: l("Form (reproduces the 415)", "表单（复现 415）"), explain: l("What most OAuth servers take; Easemob refuses it", "多数 OAuth 服务器接受的写法；环信拒绝") },
  ],
};

// ---- requests --------------------------------------------------------------------------------------

interface TokenInput {
  org_name: string;
  app_name: string;
  grant_type: string;
  client_id: string;
  client_secret: string;
  ttl: string;
  ttlStyle: string;
  body: string;
}

/** POST /{org_name}/{app_name}/token as the document sends it: JSON body, Content-Type and Accept application/json. */
function tokenSpec(input: TokenInput): RequestSpec {
  const payload: Record<string, unknown> = { grant_type: input.grant_type, client_id: input.client_id, client_secret: input.client_secret };
  if (input.ttlStyle === "string") payload.ttl = input.ttl;
  else if (input.ttlStyle === "number") payload.ttl = Number(input.ttl);
  else if (input.ttlStyle === "zero") payload.ttl = 0;
  const url = `${BASE}/${encodeURIComponent(input.org_name)}/${encodeURIComponent(input.app_name)}/token`;
  if (input.body === "form") {
    const form = Object.entries(payload)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
      .join("&");
    return { method: "POST", url, headers: [["Content-Type", "application/x-www-form-urlencoded"], ["Accept", "application/json"]], body: form };
  }
  return { method: "POST", url, headers: [["Content-Type", "application/json"], ["Accept", "application/json"]], body: JSON.stringify(payload, null, 3) };
}

/** A token request built from what the flow knows (for the retry, the cache and the ban steps). */
function tokenSpecFromValues(ctx: StepContext): RequestSpec {
  const v = ctx.values;
  const app = firstApp(ctx);
  return tokenSpec({
    org_name: v.org_name ?? app?.org_name ?? "",
    app_name: v.app_name ?? app?.app_name ?? "",
    grant_type: "client_credentials",
    client_id: v.client_id ?? app?.client_id ?? "",
    client_secret: v.client_secret ?? app?.client_secret ?? "",
    ttl: v.ttl ?? DOC_TTL,
    ttlStyle: v.ttl_style ?? "string",
    body: "json",
  });
}

function usersSpec(org: string, app: string, token: string): RequestSpec {
  return {
    method: "GET",
    url: `${BASE}/${encodeURIComponent(org)}/${encodeURIComponent(app)}/users`,
    headers: [["Authorization", `Bearer ${token}`], ["Accept", "application/json"]],
  };
}
const usersSpecFromValues = (ctx: StepContext, token: string) =>
  usersSpec(ctx.values.org_name ?? firstApp(ctx)?.org_name ?? "", ctx.values.app_name ?? firstApp(ctx)?.app_name ?? "", token);

/** Values to keep from a token response: the token and when it expires on the virtual clock ("0" = never). */
function tokenValues(json: unknown, ctx: StepContext): Values {
  const body = json as { access_token: string; expires_in: number };
  const expiresAt = body.expires_in === 0 ? "0" : ctx.now !== undefined ? String(ctx.now + body.expires_in) : "";
  return { access_token: body.access_token, expires_in: String(body.expires_in), token_expires_at: expiresAt };
}

const header = (ex: SentExchange, name: string) => ex.response.headers.find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];

const tokenFacts = (json: unknown) =>
  fieldFacts(
    json,
    {
      expires_in: l("Seconds of validity, but not a guarantee: a 401 before then still means “fetch a new token”.", "有效期（秒），但不是保证：在此之前遇到 401 也要重新获取 token。"),
      application: l("The app's UUID.", "当前 App 的 UUID。"),
    },
    ["expires_in"],
  );

const usersFacts = (json: unknown): Fact[] => {
  const body = json as { count?: number; entities?: Array<{ username?: string }> } | undefined;
  return [
    { label: "count", value: String(body?.count ?? "") },
    { label: "entities[].username", value: (body?.entities ?? []).map((e) => e.username).join(", ") },
  ];
};

// ---- the flow ----------------------------------------------------------------------------------------

export const easemobFlow: Flow = {
  contract: easemobContract,
  scenarios: easemobScenarios,
  steps: [
    {
      kind: "setup",
      id: "app",
      title: l("App setup: host, org_name, app_name, credentials", "应用设置：host、org_name、app_name、凭据"),
      explain: l(
        "Every REST call goes to https://{host}/{org_name}/{app_name}/…. {host} is the REST API domain: for the public cloud, the console's 即时通讯 → 服务概览 → 域名配置 - Rest Api (the example uses a1.easemob.com); for a private deployment, the server's address:port. In the playground every host maps to this page's origin + /mock/easemob, so the document's paths work unchanged. The credentials are the document's own example values, pre-filled from the mock's fixtures.",
        "所有 REST 调用都发往 https://{host}/{org_name}/{app_name}/…。{host} 是 REST API 域名：公有云为控制台 即时通讯->服务概览 页面下的 域名配置- Rest Api（示例用的是 a1.easemob.com）；私有化集成为部署后的 服务器地址:端口。在演练场中，任何 host 都映射到本页的源 + /mock/easemob，文档中的路径原样可用。凭据是文档示例中的值，已按模拟服务器的初始数据填好。",
      ),
      doc: "| `host`     | String | 是       | 访问 RESTful API 的域名或服务器信息。<br/>-公有云集成为 环信即时通讯控制台的 `即时通讯->服务概览`页面下的 `域名配置- Rest Api`。 <br/> -私有化集成为部署后 `服务器地址:端口`。  |\n| `org_name` | String | 是       | 每个公司（组织）分配的唯一标识。 |\n| `app_name` | String | 是       | 创建应用时填入的应用名称。 |",
      quirks: ["host-from-console"],
      options: [
        {
          id: "deployment",
          label: l("Where {host} comes from", "{host} 的来源"),
          choices: [
            { value: "public", label: l("Public cloud", "公有云"), explain: l("Console → 服务概览 → 域名配置 - Rest Api, e.g. a1.easemob.com", "控制台 → 服务概览 → 域名配置 - Rest Api，如 a1.easemob.com") },
            { value: "private", label: l("Private deployment", "私有化部署"), explain: l("Your server's address:port, e.g. im.example.com:8080", "部署后的 服务器地址:端口，如 im.example.com:8080") },
          ],
        },
      ],
      defaults: { deployment: "public" },
      params: [
        {
          name: "host",
          required: true,
          in: "path",
          explain: l(
            "The REST API host as the document describes it. Only shown and remembered: in the playground https://{host} is this page's origin + /mock/easemob.",
            "文档所说的 REST API 域名。仅用于展示和记录：在演练场中 https://{host} 即本页的源 + /mock/easemob。",
          ),
          initial: (ctx) => ctx.values.host ?? "a1.easemob.com",
        },
        orgParam,
        appParam,
        clientIdParam,
        clientSecretParam,
      ],
      save: (ctx) => pickParams(ctx, "host", "org_name", "app_name", "client_id", "client_secret"),
    },
    {
      kind: "http",
      id: "token",
      title: l("Get the app token: POST …/token", "获取 app token：POST …/token"),
      explain: l(
        "A client_credentials request with a JSON body and the headers Content-Type and Accept set to application/json. ttl is the validity in seconds: the document's curl sends it as the string \"1024000\" although the table types it Long; left out, the console's default applies; 0 means the token never expires.",
        "客户端凭证模式请求：JSON 请求体，请求头 Content-Type 与 Accept 均为 application/json。ttl 是有效期（秒）：文档的 curl 把它写成字符串 \"1024000\"，参数表却说是 Long；不传则以控制台设置为准；0 表示永久有效。",
      ),
      doc: "curl -X POST -H 'Content-Type: application/json' -H 'Accept: application/json' -d '{\n   \"grant_type\": \"client_credentials\",\n   \"client_id\": \"YXA6i-Ak8Ol4Eei2l11ZjV-EAg\",\n   \"client_secret\": \"YXA6VunqiNxoB7IwXHInk1cGiXOOJfc\",\n   \"ttl\": \"1024000\"\n }' 'http://a1.easemob.com/easemob-demo/testapp/token'",
      quirks: ["ttl-string", "json-only"],
      options: [ttlOption, bodyOption],
      defaults: { ttl: "string", body: "json" },
      params: [
        orgParam,
        appParam,
        { name: "grant_type", required: true, explain: l("Required. Always the fixed string client_credentials.", "必需。固定字符串 client_credentials，即客户端凭证模式。"), initial: () => "client_credentials" },
        clientIdParam,
        clientSecretParam,
        {
          name: "ttl",
          explain: l(
            "Optional. Token validity in seconds. Sent as chosen above (string, number, left out, or 0 = never expires).",
            "可选。token 有效期，单位为秒。按上方的选择发送（字符串、数字、不传，或 0 = 永久有效）。",
          ),
          initial: () => DOC_TTL,
          check: (value) => (/^\d+$/.test(value) ? undefined : l("ttl must be a whole number of seconds.", "ttl 必须是整数秒。")),
        },
      ],
      request: (ctx) =>
        tokenSpec({
          org_name: ctx.params.org_name ?? "",
          app_name: ctx.params.app_name ?? "",
          grant_type: ctx.params.grant_type ?? "",
          client_id: ctx.params.client_id ?? "",
          client_secret: ctx.params.client_secret ?? "",
          ttl: ctx.params.ttl ?? "",
          ttlStyle: ctx.options.ttl ?? "string",
          body: ctx.options.body ?? "json",
        }),
      outcome: (response, json, ctx) => {
        if (response?.status !== 200) return errorOutcome(response, json, easemobErrorText);
        const style = ctx.options.ttl ?? "string";
        const host = ctx.values.host || "{host}";
        const path = `/${ctx.params.org_name}/${ctx.params.app_name}/token`;
        const quirks = style === "zero" ? ["ttl-zero-forever"] : style === "omit" ? ["ttl-absent-console-default"] : [];
        const facts: Fact[] = [
          ...tokenFacts(json),
          { label: l("Documented URL", "文档中的 URL"), value: `https://${host}${path}` },
          { label: l("In the playground", "演练场中"), value: `${ctx.origin}${BASE}${path}` },
        ];
        if (style === "omit") facts.push({ label: "default_ttl (fixtures)", value: String(settings(ctx).default_ttl ?? "?"), note: l("The console's 用户认证 setting, which the document does not give.", "控制台“用户认证”页面的设置，文档未给出具体值。") });
        return {
          status: "success",
          summary:
            style === "zero"
              ? l("App token issued; ttl 0: it never expires (expires_in 0).", "已获得 app token；ttl 为 0：永久有效（expires_in 为 0）。")
              : l("App token issued.", "已获得 app token。"),
          values: { ...tokenValues(json, ctx), ttl: ctx.params.ttl ?? DOC_TTL, ttl_style: style },
          facts,
          quirks,
        };
      },
    },
    {
      kind: "http",
      id: "users",
      title: l("Use the token: GET …/users", "使用 token：GET …/users"),
      explain: l(
        "Call the REST API with Authorization: Bearer <app token>. The document warns the token is not guaranteed for all of expires_in: on HTTP 401, fetch a new token and retry. With auto-retry on, a 401 makes this run fetch a new token (the same JSON request as before) and call again — all requests are shown. Advance the clock past the token's ttl to see it.",
        "调用 REST API 时带上 Authorization: Bearer <app token>。文档提醒 token 不保证在 expires_in 内一直有效：收到 HTTP 401 时，重新获取 token 并重试。打开自动重试后，401 会让本次运行重新获取 token（与前一步相同的 JSON 请求）并再次调用——所有请求都会显示。把时钟拨过 token 的 ttl 即可看到。",
      ),
      doc: "由于网络延迟等原因，系统不保证 token 在此值表示的有效期内绝对有效。如果发现 token 使用异常，如返回 HTTP 状态码 401，请重新获取新的 token。",
      quirks: ["401-refetch"],
      options: [
        {
          id: "retry",
          label: l("Auto-retry on 401", "遇到 401 自动重试"),
          choices: [
            { value: "on", label: l("On: 401 → new token → retry", "开启：401 → 新 token → 重试"), explain: l("What the document advises", "文档建议的做法") },
            { value: "off", label: l("Off: show the 401", "关闭：直接显示 401"), explain: l("One request only", "只发一个请求") },
          ],
        },
      ],
      defaults: { retry: "on" },
      params: [orgParam, appParam, tokenParam],
      request: (ctx) => usersSpec(ctx.params.org_name ?? "", ctx.params.app_name ?? "", ctx.params.access_token ?? ""),
      sequence: async (ctx, send) => {
        const first = await send(usersSpec(ctx.params.org_name ?? "", ctx.params.app_name ?? "", ctx.params.access_token ?? ""));
        if (first.response.status !== 401 || ctx.options.retry === "off") return [first];
        const token = await send(tokenSpecFromValues(ctx));
        if (token.response.status !== 200) return [first, token];
        const fresh = (token.json as { access_token: string }).access_token;
        return [first, token, await send(usersSpec(ctx.params.org_name ?? "", ctx.params.app_name ?? "", fresh))];
      },
      outcome: (response, json, ctx, all) => {
        const retried = all.length > 1;
        const tokenEx = all[1];
        const values = tokenEx?.response.status === 200 ? tokenValues(tokenEx.json, ctx) : undefined;
        if (response?.status !== 200) {
          const failed = errorOutcome(response, json, easemobErrorText);
          if (retried) failed.summary = l(`401, then the new token request failed — ${failed.summary.en}`, `401，随后重新获取 token 也失败了 —— ${failed.summary.zh}`);
          else if (response?.status === 401 && ctx.options.retry === "off") failed.quirks = ["401-refetch"];
          return failed;
        }
        if (!retried) return { status: "success", summary: l("The API accepted the token.", "API 接受了该 token。"), facts: usersFacts(json) };
        return {
          status: "success",
          summary: l("401 → fetched a new token → retried: 200 (3 requests).", "401 → 重新获取 token → 重试：200（3 个请求）。"),
          ...(values ? { values } : {}),
          facts: [
            { label: l("1st call", "第 1 次调用"), value: `${all[0]!.response.status} ${String((all[0]!.json as Record<string, unknown> | undefined)?.error ?? "")}` },
            { label: l("new access_token", "新 access_token"), value: values?.access_token ?? "" },
            { label: l("new expires_in", "新 expires_in"), value: values?.expires_in ?? "", expiresIn: Number(values?.expires_in ?? 0) },
            { label: l("retry", "重试"), value: String(response.status) },
            ...usersFacts(json),
          ],
        };
      },
    },
    {
      kind: "http",
      id: "cache",
      title: l("Best practice: cache the token until near expiry", "最佳实践：缓存 token，快过期时再获取"),
      explain: l(
        "Instead of fetching a token per call (which gets the account banned), keep the token and its expiry, and fetch a new one only when it is within a safety margin of expiring (or after a 401). This run does what such a client does before each call: reuse the cached token if it is fresh enough — no token request at all — else fetch one; then call the API.",
        "不要每次调用都获取 token（会导致封禁），而应保存 token 及其过期时间，只在距过期不到安全余量时（或收到 401 后）才重新获取。本次运行模拟这样的客户端在每次调用前的行为：缓存的 token 足够新就直接用——完全不发 token 请求——否则先获取；然后调用 API。",
      ),
      doc: "`expires_in` | Long | Token 有效时间，单位为秒，在有效期内不需要重复获取。\n\n请不要频繁向服务器发送获取 token 的请求，同一账号发送此请求超过一定频率会被服务器封禁。",
      quirks: ["token-rate-ban"],
      params: [
        { ...tokenParam, explain: l("The cached app token (from the token step or the last refetch).", "缓存的 app token（来自获取 token 步骤或最近一次重新获取）。") },
        {
          name: "token_expires_at",
          explain: l("When the cached token expires on the virtual clock (Unix seconds; 0 = never).", "缓存 token 在虚拟时钟上的过期时间（Unix 秒；0 = 永不过期）。"),
          initial: (ctx) => ctx.values.token_expires_at,
        },
        {
          name: "refresh_margin",
          explain: l("Fetch a new token when fewer than this many seconds are left.", "剩余秒数少于此值时重新获取 token。"),
          initial: () => "3600",
          check: (value) => (/^\d+$/.test(value) ? undefined : l("A whole number of seconds.", "整数秒。")),
        },
      ],
      request: (ctx) => usersSpecFromValues(ctx, ctx.params.access_token ?? ""),
      sequence: async (ctx, send) => {
        const token = ctx.params.access_token ?? "";
        const expiresAt = Number(ctx.params.token_expires_at || NaN);
        const margin = Number(ctx.params.refresh_margin || 0);
        const fresh = token !== "" && (ctx.params.token_expires_at === "0" || (ctx.now !== undefined && expiresAt - ctx.now > margin));
        if (fresh) return [await send(usersSpecFromValues(ctx, token))];
        const got = await send(tokenSpecFromValues(ctx));
        if (got.response.status !== 200) return [got];
        return [got, await send(usersSpecFromValues(ctx, (got.json as { access_token: string }).access_token))];
      },
      outcome: (response, json, ctx, all) => {
        const fetched = all.length > 1 || all[0]?.request.url.endsWith("/token");
        const tokenEx = fetched ? all[0] : undefined;
        if (response?.status !== 200) return errorOutcome(response, json, easemobErrorText);
        const values = tokenEx ? tokenValues(tokenEx.json, ctx) : undefined;
        const expiresAt = values?.token_expires_at ?? ctx.params.token_expires_at ?? "";
        const left = expiresAt === "0" ? undefined : ctx.now !== undefined ? Number(expiresAt) - ctx.now : undefined;
        const facts: Fact[] = [
          { label: l("token requests sent", "发送的 token 请求"), value: tokenEx ? "1" : "0" },
          expiresAt === "0"
            ? { label: "token_expires_at", value: "0", note: l("ttl 0: never expires, never refetched.", "ttl 为 0：永不过期，无需重新获取。") }
            : { label: "token_expires_at", value: expiresAt, unixTime: true },
          { label: "refresh_margin", value: `${ctx.params.refresh_margin ?? ""} s` },
          ...usersFacts(json),
        ];
        if (!tokenEx && left !== undefined) facts.splice(2, 0, { label: l("seconds left before the call", "调用前剩余秒数"), value: String(left) });
        const outcome: Outcome = tokenEx
          ? {
              status: "success",
              summary: ctx.params.access_token
                ? l("The cached token was near expiry: fetched a new one, then called the API (2 requests).", "缓存的 token 快过期了：先获取新 token，再调用 API（2 个请求）。")
                : l("No cached token: fetched one, then called the API (2 requests).", "没有缓存的 token：先获取，再调用 API（2 个请求）。"),
              facts,
            }
          : { status: "success", summary: l("Used the cached token: no token request sent (1 request).", "使用缓存的 token：没有发送 token 请求（1 个请求）。"), facts };
        if (values) outcome.values = values;
        return outcome;
      },
    },
    {
      kind: "http",
      id: "ban",
      title: l("Too many token requests: trigger the ban (429)", "频繁获取 token：触发封禁（429）"),
      explain: l(
        "What happens to a client that fetches a token per call. This run sends token requests one after another until the mock answers 429 (earlier token requests inside the window count too). The document gives neither the threshold nor the ban length; the mock's values are fixture settings (rate_limit_max_requests in rate_limit_window_seconds, then ban_seconds), shown below after the run and in /mock/_control/fixtures. The app token already issued keeps working: only the token endpoint is refused.",
        "演示每次调用都获取 token 的客户端会遇到什么。本次运行连续发送 token 请求，直到 mock 返回 429（时间窗口内之前的 token 请求也计入）。文档没有给出阈值和封禁时长；mock 的取值是 fixtures 设置（rate_limit_window_seconds 内 rate_limit_max_requests 次，之后封禁 ban_seconds），运行后显示在下方，也可在 /mock/_control/fixtures 中查看。已签发的 app token 仍然可用：只有 token 端点被拒绝。",
      ),
      doc: ":::notice\n请不要频繁向服务器发送获取 token 的请求，同一账号发送此请求超过一定频率会被服务器封禁。\n:::",
      quirks: ["token-rate-ban"],
      params: [
        {
          name: "max_attempts",
          explain: l("Not sent: at most this many token requests, stopping at the first 429. Default: rate_limit_max_requests + 1 from the fixtures.", "不发送：最多发送这么多个 token 请求，遇到第一个 429 即停止。默认为 fixtures 中的 rate_limit_max_requests + 1。"),
          initial: (ctx) => String((settings(ctx).rate_limit_max_requests ?? 5) + 1),
          check: (value) => (/^\d{1,2}$/.test(value) && Number(value) > 0 ? undefined : l("1 to 99.", "1 到 99。")),
        },
      ],
      request: tokenSpecFromValues,
      sequence: async (ctx, send) => {
        const max = Math.min(99, Math.max(1, Number(ctx.params.max_attempts) || 1));
        const all: SentExchange[] = [];
        for (let i = 0; i < max; i++) {
          const ex = await send(tokenSpecFromValues(ctx));
          all.push(ex);
          if (ex.response.status !== 200) break;
        }
        return all;
      },
      outcome: (response, json, ctx, all) => {
        const s = settings(ctx);
        const ok = all.filter((e) => e.response.status === 200).length;
        const last = all.at(-1);
        const settingFacts: Fact[] = [
          { label: "rate_limit_max_requests", value: String(s.rate_limit_max_requests ?? "?"), note: l("Fixture value: the document says only “超过一定频率”.", "fixture 值：文档只说“超过一定频率”。") },
          { label: "rate_limit_window_seconds", value: String(s.rate_limit_window_seconds ?? "?") },
          { label: "ban_seconds", value: String(s.ban_seconds ?? "?") },
        ];
        if (response?.status === 429) {
          const retryAfter = last ? header(last, "Retry-After") : undefined;
          const banned = ctx.now !== undefined && retryAfter ? ctx.now + Number(retryAfter) : undefined;
          return {
            status: "warning",
            summary: l(
              `Banned: ${ok} token request(s) succeeded, then HTTP 429 reach_limit. Advance the clock by ban_seconds and run the next step.`,
              `已被封禁：${ok} 个 token 请求成功后返回 HTTP 429 reach_limit。把时钟拨快 ban_seconds 后运行下一步。`,
            ),
            facts: [
              { label: l("requests sent in this run", "本次运行发送的请求"), value: String(all.length), note: l("Token requests made earlier inside the window (the token step, retries) count too.", "时间窗口内更早的 token 请求（获取 token 步骤、重试）同样计入。") },
              ...settingFacts,
              { label: "Retry-After", value: `${retryAfter ?? "?"} s` },
              ...(banned !== undefined ? [{ label: l("banned until", "封禁至"), value: String(banned), unixTime: true }] : []),
              ...fieldFacts(json),
            ],
          };
        }
        if (response?.status === 200) {
          return {
            status: "warning",
            summary: l(`${ok} token request(s) succeeded and no 429 yet: raise max_attempts.`, `${ok} 个 token 请求都成功，尚未触发 429：请调大 max_attempts。`),
            facts: settingFacts,
          };
        }
        return errorOutcome(response, json, easemobErrorText);
      },
    },
    {
      kind: "http",
      id: "after-ban",
      title: l("After the ban: request a token again", "封禁之后：再次获取 token"),
      explain: l(
        "One token request. While the ban lasts it is refused with 429 and a Retry-After header; advance the virtual clock by ban_seconds (+10 min with the fixtures' 600 s) and run again: the ban is over and a token is issued. Then cache it.",
        "发送一个 token 请求。封禁期间会被 429 拒绝并带有 Retry-After 头；把虚拟时钟拨快 ban_seconds（fixtures 中为 600 秒，即 +10 min）后再运行：封禁结束，重新签发 token。之后请缓存它。",
      ),
      quirks: ["token-rate-ban"],
      request: tokenSpecFromValues,
      outcome: (response, json, ctx) => {
        if (response?.status === 200) {
          return {
            status: "success",
            summary: l("The ban is over: a new app token was issued.", "封禁已结束：已签发新的 app token。"),
            values: tokenValues(json, ctx),
            facts: tokenFacts(json),
          };
        }
        const failed = errorOutcome(response, json, easemobErrorText);
        if (response?.status === 429) {
          const retryAfter = response.headers.find(([k]) => k.toLowerCase() === "retry-after")?.[1];
          failed.summary = l(`Still banned: 429 reach_limit, Retry-After ${retryAfter ?? "?"} s.`, `仍在封禁中：429 reach_limit，Retry-After ${retryAfter ?? "?"} 秒。`);
          failed.facts = [{ label: "Retry-After", value: `${retryAfter ?? "?"} s` }, ...(failed.facts ?? [])];
        }
        return failed;
      },
    },
  ],
};
