import { l } from "../../core/i18n/localized.ts";
import { pickParams } from "../../core/wizard/helpers.ts";
import type { Flow, SentExchange } from "../../core/wizard/types.ts";
import { easemobContract } from "./contract.ts";
import { afterBanOutcome, banOutcome, cacheOutcome, tokenOutcome, usersOutcome } from "./flow/outcomes.ts";
import {
  appParam,
  bodyOption,
  clientIdParam,
  clientSecretParam,
  expiresAtParam,
  marginParam,
  maxAttemptsParam,
  orgParam,
  retryOption,
  tokenParam,
  ttlOption,
  ttlParam,
} from "./flow/params.ts";
import { cachedTokenFresh, tokenSpecFromParams, tokenSpecFromValues, usersSpecFromParams, usersSpecFromValues } from "./flow/requests.ts";
import { easemobValues, issuedToken, type EasemobValues } from "./flow/values.ts";
import { easemobScenarios } from "./scenarios.ts";
import { easemobFixturesSchema, type EasemobFixtures } from "./schemas.ts";

export const easemobFlow: Flow<EasemobValues, EasemobFixtures> = {
  contract: easemobContract,
  values: easemobValues,
  secretValues: ["client_secret", "access_token"],
  fixtures: easemobFixturesSchema,
  scenarios: easemobScenarios,
  steps: [
    {
      kind: "setup",
      id: "app",
      title: l("App setup: host, org_name, app_name, credentials", "应用设置：host、org_name、app_name、凭据"),
      explain: l(
        "The token request goes to https://{host}/{org_name}/{app_name}/token. {host} is the REST API domain: for the public cloud, the console's 即时通讯 → 服务概览 → 域名配置 - Rest Api (the example uses a1.easemob.com); for a private deployment, the server's address:port. In the playground every host maps to this page's origin + /mock/easemob, so the document's paths work unchanged. The credentials are the document's own example values, pre-filled from the mock's fixtures.",
        "获取 token 的请求发往 https://{host}/{org_name}/{app_name}/token。{host} 是 REST API 域名——公有云：控制台「即时通讯 → 服务概览 → 域名配置 - Rest Api」（示例用的是 a1.easemob.com）；私有化部署：部署后的「服务器地址:端口」。在演练场中，任何 host 都映射到本页所在的源（origin）+ /mock/easemob，文档中的路径原样可用。凭据是文档示例中的值，已按模拟服务器的初始数据填好。",
      ),
      doc: "| `host`     | String | 是       | 访问 RESTful API 的域名或服务器信息。<br/>-公有云集成为 环信即时通讯控制台的 `即时通讯->服务概览`页面下的 `域名配置- Rest Api`。 <br/> -私有化集成为部署后 `服务器地址:端口`。  |\n| `org_name` | String | 是       | 每个公司（组织）分配的唯一标识。详见 环信即时通讯控制台的 `应用概览->应用详情`页面下的 `应用信息-Orgname`。  |\n| `app_name` | String | 是       | 创建应用时填入的应用名称。详见 环信即时通讯控制台的 `应用概览->应用详情`页面下的 `应用信息-Appname`。  |",
      quirks: ["host-from-console"],
      options: [
        {
          id: "deployment",
          label: l("Where {host} comes from", "{host} 的来源"),
          default: "public",
          choices: [
            { value: "public", label: l("Public cloud", "公有云"), explain: l("Console → 服务概览 → 域名配置 - Rest Api, e.g. a1.easemob.com", "控制台「即时通讯 → 服务概览 → 域名配置 - Rest Api」，如 a1.easemob.com") },
            { value: "private", label: l("Private deployment", "私有化部署"), explain: l("Your server's address:port, e.g. im.example.com:8080", "部署后的「服务器地址:端口」，如 im.example.com:8080") },
          ],
        },
      ],
      params: [
        {
          name: "host",
          required: true,
          in: "path",
          explain: l(
            "The REST API host as the document describes it. Only shown and remembered: in the playground https://{host} is this page's origin + /mock/easemob.",
            "文档所说的 REST API 域名。仅用于展示和记录：在演练场中 https://{host} 即本页所在的源（origin）+ /mock/easemob。",
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
      params: [
        orgParam,
        appParam,
        { name: "grant_type", required: true, explain: l("The fixed string client_credentials: the client credentials grant.", "固定字符串 client_credentials，即客户端凭证模式。"), initial: () => "client_credentials" },
        clientIdParam,
        clientSecretParam,
        ttlParam,
      ],
      request: tokenSpecFromParams,
      outcome: tokenOutcome,
    },
    {
      kind: "http",
      id: "users",
      // Past the cached token's expiry, whatever ttl it was given, in whole hours: the button reads "+11 d 21 h", not a second count.
      clockHint: (ctx) => (typeof ctx.values.token_expires_at === "number" && ctx.now !== undefined ? Math.ceil((ctx.values.token_expires_at - ctx.now + 1) / 3600) * 3600 : undefined),
      badges: ["assumed"],
      title: l("Use the token: GET …/users", "使用 token：GET …/users"),
      explain: l(
        "Call the REST API with the app token, as Authorization: Bearer <app token> (the document says the token must be carried, not how: assumed); GET …/users (Easemob's user list, which this document doesn't describe: assumed) stands for any call. The document warns the token is not guaranteed for all of expires_in: on HTTP 401, fetch a new token and retry. With auto-retry on, a 401 makes this run fetch a new token (the same JSON request as before) and call again — all requests are shown. Advance the clock past the token's ttl to see it (the document's 1024000 s is about 11.9 days).",
        "调用 REST API 时携带 app token，即 Authorization: Bearer <app token>（文档只说要携带 token，没说怎么带：推测）；这里以 GET …/users（环信的用户列表，本文档未描述：推测）代表任意调用。文档提醒 token 不保证在 expires_in 内一直有效：收到 HTTP 401 时，重新获取 token 并重试。打开自动重试后，401 会让本次运行重新获取 token（与前一步相同的 JSON 请求）并再次调用——所有请求都会显示。把时钟拨过 token 的 ttl 即可看到（文档中的 1024000 秒约为 11.9 天）。",
      ),
      doc: "由于网络延迟等原因，系统不保证 token 在此值表示的有效期内绝对有效。如果发现 token 使用异常，如返回 HTTP 状态码 401，请重新获取新的 token。",
      quirks: ["401-refetch"],
      options: [retryOption],
      params: [orgParam, appParam, tokenParam],
      request: (ctx) => usersSpecFromParams(ctx),
      followUp: async (first, ctx, send) => {
        if (first.response.status !== 401 || ctx.options.retry === "off") return [];
        const token = await send(tokenSpecFromValues(ctx));
        const fresh = token.response.status === 200 ? issuedToken(token.json) : undefined;
        return fresh ? [token, await send(usersSpecFromParams(ctx, fresh.access_token))] : [token];
      },
      outcome: usersOutcome,
    },
    {
      kind: "http",
      id: "cache",
      title: l("Best practice: cache the token until near expiry", "最佳实践：缓存 token，快过期时再获取"),
      explain: l(
        "Instead of fetching a token per call (which gets the account banned), keep the token and its expiry, and fetch a new one only when it is within a safety margin of expiring (or after a 401). This run does what such a client does before each call: reuse the cached token if it is fresh enough — no token request at all — else fetch one; then call the API.",
        "不要每次调用都获取 token（会导致封禁），而应保存 token 及其过期时间，只在距过期不到安全余量时（或收到 401 后）才重新获取。本次运行模拟这样的客户端在每次调用前的行为：缓存的 token 足够新就直接用——完全不发 token 请求——否则先获取；然后调用 API。",
      ),
      doc: "| `expires_in`   | Long   | Token 有效时间，单位为秒，在有效期内不需要重复获取。 |\n\n请不要频繁向服务器发送获取 token 的请求，同一账号发送此请求超过一定频率会被服务器封禁。",
      quirks: ["token-rate-ban"],
      params: [
        { ...tokenParam, explain: l("The cached app token (from the token step or the last refetch).", "缓存的 app token（来自获取 token 步骤或最近一次重新获取）。") },
        expiresAtParam,
        marginParam,
      ],
      // What such a client sends first: the API call with a fresh cached token, else a token request.
      request: (ctx) => (cachedTokenFresh(ctx) ? usersSpecFromValues(ctx, ctx.params.access_token ?? "") : tokenSpecFromValues(ctx)),
      followUp: async (first, ctx, send) => {
        const fresh = cachedTokenFresh(ctx) || first.response.status !== 200 ? undefined : issuedToken(first.json);
        return fresh ? [await send(usersSpecFromValues(ctx, fresh.access_token))] : [];
      },
      outcome: cacheOutcome,
    },
    {
      kind: "http",
      id: "ban",
      title: l("Too many token requests: trigger the ban (429)", "频繁获取 token：触发封禁（429）"),
      explain: l(
        "What happens to a client that fetches a token per call. This run sends token requests one after another until the mock answers 429 (earlier token requests inside the window count too). The document gives neither the threshold nor the ban length; the mock's values are fixture settings (rate_limit_max_requests in rate_limit_window_seconds, then ban_seconds), shown below after the run and in /mock/_control/fixtures. The app token already issued keeps working: only the token endpoint is refused.",
        "演示每次调用都获取 token 的客户端会遇到什么。本次运行连续发送 token 请求，直到模拟服务器返回 429（时间窗口内之前的 token 请求也计入）。文档没有给出阈值和封禁时长；模拟服务器的取值来自初始数据（rate_limit_window_seconds 内 rate_limit_max_requests 次，之后封禁 ban_seconds），运行后显示在下方，也可在 /mock/_control/fixtures 中查看。已签发的 app token 仍然可用：只有 token 端点被拒绝。",
      ),
      doc: ":::notice\n请不要频繁向服务器发送获取 token 的请求，同一账号发送此请求超过一定频率会被服务器封禁。\n:::",
      quirks: ["token-rate-ban"],
      params: [maxAttemptsParam],
      request: tokenSpecFromValues,
      followUp: async (first, ctx, send) => {
        const max = Math.min(99, Math.max(1, Number(ctx.params.max_attempts) || 1));
        const more: SentExchange[] = [];
        for (let last = first; last.response.status === 200 && more.length + 1 < max; ) {
          last = await send(tokenSpecFromValues(ctx));
          more.push(last);
        }
        return more;
      },
      outcome: banOutcome,
    },
    {
      kind: "http",
      id: "after-ban",
      clockHint: (ctx) => ctx.fixtures?.settings.ban_seconds,
      title: l("After the ban: request a token again", "封禁之后：再次获取 token"),
      explain: l(
        "One token request. While the ban lasts it is refused with 429 and a Retry-After header; advance the virtual clock by ban_seconds (+10 min with the fixtures' 600 s) and run again: the ban is over and a token is issued. Then cache it.",
        "发送一个 token 请求。封禁期间会被 429 拒绝并带有 Retry-After 头；把虚拟时钟拨快 ban_seconds（初始数据中为 600 秒，即 10 分钟）后再运行：封禁结束，重新签发 token。之后请缓存它。",
      ),
      quirks: ["token-rate-ban"],
      request: tokenSpecFromValues,
      outcome: afterBanOutcome,
    },
  ],
};
