import { z } from "zod";
import { l, type Localized } from "../../core/i18n/localized.ts";
import { pm } from "../../core/i18n/page-messages.ts";
import { encodeParams } from "../../core/wizard/engine.ts";
import { errorOutcome, fieldFacts, jsonObject, pickParams, queryFacts, randomState, unexpectedBody } from "../../core/wizard/helpers.ts";
import type { Answer, Fact, Flow, Outcome, ParamSpec, RequestSpec, StepContext, StepOption } from "../../core/wizard/types.ts";
import { ppmessageContract } from "./contract.ts";
import { ppmessageValues, type PpmessageValues } from "./flow/values.ts";
import { ppmessageScenarios } from "./scenarios.ts";
import { ppmessageFixturesSchema, type PpmessageFixtures } from "./schemas.ts";

type Param = ParamSpec<PpmessageValues, PpmessageFixtures>;
type Ctx = StepContext<PpmessageValues, PpmessageFixtures>;
type FixtureCtx = Pick<Ctx, "fixtures">;

const clientByKind = (ctx: FixtureCtx, kind: string | undefined) => ctx.fixtures?.clients.find((c) => c.kind === (kind ?? "kefu"));
const clientById = (ctx: FixtureCtx, id: string | undefined) => ctx.fixtures?.clients.find((c) => c.client_id === id);
const sessionState = randomState();
// The badge's own words, so the step's "assumed" and the one in these lines read the same.
const ASSUMED = pm.assumed;
const tokenAnswer = z.object({ access_token: z.string() });

const clientIdParam: Param = {
  name: "client_id",
  required: true,
  explain: l("The client's api_key (the kefu api_key or the console api_key).", "表示客户端的 api_key（即 kefu api_key 和 console api_key）"),
  initial: (ctx) => ctx.values.client_id ?? clientByKind(ctx, "kefu")?.client_id,
  check: (value, ctx) =>
    clientById(ctx, value) ? undefined : l(`No application has the api_key “${value}”.`, `没有 api_key 为 “${value}” 的应用。`),
};

const redirectUriParam = (explain: Localized): Param => ({
  name: "redirect_uri",
  required: true,
  explain,
  initial: (ctx) => ctx.values.redirect_uri ?? ctx.callbackUrl,
  check: (value, ctx) => {
    const registered = clientById(ctx, ctx.params.client_id)?.redirect_uris;
    if (!registered || registered.includes(value)) return undefined;
    return l(`Not registered for this application (exact match needed): ${registered.join(", ")}`, `该应用未注册此地址（须逐字一致）：${registered.join(", ")}`);
  },
});

const accessTokenParam: Param = {
  name: "access_token",
  required: true,
  secret: true,
  in: "header",
  explain: l("The token from /ppauth/token, sent as Authorization: <scheme> <token>.", "/ppauth/token 返回的 token，以 Authorization: <方案> <token> 发送。"),
  initial: (ctx) => ctx.values.access_token,
};

const appUuidParam: Param = {
  name: "app_uuid",
  required: true,
  in: "body",
  explain: l("The app's api_uuid (the kefu api_uuid or the console api_uuid).", "应用的 api_uuid（即 kefu api_uuid 和 console api_uuid）"),
  initial: (ctx) => ctx.values.api_uuid ?? clientByKind(ctx, "kefu")?.api_uuid,
  check: (value, ctx) =>
    ctx.fixtures?.clients.some((c) => c.api_uuid === value) ? undefined : l(`No application has the api_uuid “${value}” (expect error_code "13").`, `没有 api_uuid 为 “${value}” 的应用（将得到 error_code "13"）。`),
};

const schemeOption: StepOption = {
  id: "scheme",
  label: l("Authorization header scheme", "Authorization 头的方案"),
  default: "OAuth",
  choices: [
    { value: "OAuth", label: l("OAuth (the document)", "OAuth（文档写法）"), explain: l('"Authorization": "OAuth xxxxxx"', '"Authorization": "OAuth xxxxxx"') },
    {
      value: "Bearer",
      label: l("Bearer (what token_type suggests)", "Bearer（token_type 暗示的写法）"),
      explain: l('Reproduces the mistake: answered with error_code "3"', '重现常见错误：返回 error_code "3"'),
    },
  ],
};

/** A PPMessage API call: POST /api/<NAME>, JSON body, Authorization: OAuth <token>. */
function apiRequest(name: string, ctx: Ctx, body: Record<string, string>): RequestSpec {
  const scheme = ctx.options.scheme ?? "OAuth";
  return {
    method: "POST",
    path: `/api/${name}`,
    headers: [
      ["Content-Type", "application/json"],
      ["Authorization", `${scheme} ${ctx.params.access_token ?? ""}`],
    ],
    body: JSON.stringify(body),
  };
}

/** Both of PPMessage's envelopes: {error_code, error_string} for /api, {error, error_description} for /ppauth (assumed). */
const ppErrorText = (b: Record<string, unknown>) =>
  b.error_code !== undefined ? `error_code "${String(b.error_code)}": ${String(b.error_string ?? "")}` : `${String(b.error)}: ${String(b.error_description ?? "")}`;

const errorCodeNote = l('A string, as in the document\'s example ("0"), not a number: compare with "0".', '是字符串（与文档示例 "0" 一致）而不是数字：请与 "0" 比较。');

function apiOutcome({ response, json }: Answer, ctx: Ctx, success: (body: Record<string, unknown>) => Outcome<PpmessageValues>): Outcome<PpmessageValues> {
  const body = jsonObject(json);
  if (response?.status === 200 && body?.error_code === "0") return success(body);
  const outcome = errorOutcome(response, json, ppErrorText);
  if (ctx.options.scheme === "Bearer" && body?.error_code === "3") {
    return {
      ...outcome,
      summary: l(
        `error_code "3": the header said Bearer; PPMessage only reads Authorization: OAuth <token>, although token_type is "Bearer".`,
        `error_code "3"：请求头用了 Bearer；PPMessage 只认 Authorization: OAuth <token>，尽管 token_type 是 "Bearer"。`,
      ),
      quirks: ["bearer-vs-oauth-scheme"],
    };
  }
  return outcome;
}

export const ppmessageFlow: Flow<PpmessageValues, PpmessageFixtures> = {
  contract: ppmessageContract,
  values: ppmessageValues,
  secretValues: ["client_secret", "code", "access_token"],
  fixtures: ppmessageFixturesSchema,
  scenarios: ppmessageScenarios,
  steps: [
    {
      kind: "setup",
      id: "client",
      title: l("Client setup: kefu or console app", "客户端设置：kefu 或 console 应用"),
      explain: l(
        "A PPMessage install has two applications, kefu and console, each with an api_key (sent as client_id), an api_secret (client_secret) and an api_uuid (app_uuid in API bodies). Pre-filled from the mock's fixtures; the playground's callback is a registered redirect URI.",
        "PPMessage 有 kefu 与 console 两个应用，各有 api_key（作为 client_id 发送）、api_secret（client_secret）与 api_uuid（API 请求体中的 app_uuid）。已按模拟服务器的初始数据填好；演练场的回调地址已注册为重定向 URI。",
      ),
      doc: "`client_id`       | 表示客户端的`api_key`(即`kefu api_key`和`console api_key`)\n`client_secret`   | 表示客户端的`api_secret`(即`kefu api_secret`和`console api_secret`)\n部分API需要你提供`app_uuid`(即`kefu api_uuid`和`console api_uuid`)",
      options: [
        {
          id: "app",
          label: l("Application", "应用"),
          default: "kefu",
          choices: [
            { value: "kefu", label: l("kefu", "kefu（客服）"), explain: l("kefu api_key / api_secret / api_uuid", "kefu api_key / api_secret / api_uuid") },
            { value: "console", label: l("console", "console（控制台）"), explain: l("console api_key / api_secret / api_uuid", "console api_key / api_secret / api_uuid") },
          ],
        },
      ],
      params: [
        { name: "api_key", required: true, explain: l("Sent as client_id.", "作为 client_id 发送。"), initial: (ctx) => clientByKind(ctx, ctx.options.app)?.client_id },
        { name: "api_secret", required: true, secret: true, explain: l("Sent as client_secret to /ppauth/token.", "作为 client_secret 发送到 /ppauth/token。"), initial: (ctx) => clientByKind(ctx, ctx.options.app)?.client_secret },
        { name: "api_uuid", required: true, explain: l("Sent as app_uuid in API bodies.", "在 API 请求体中作为 app_uuid 发送。"), initial: (ctx) => clientByKind(ctx, ctx.options.app)?.api_uuid },
        {
          name: "redirect_uri",
          required: true,
          explain: l(
            "Registered: the playground's callback and the document's http://you-site.com (which would leave the playground).",
            "已注册：演练场的回调地址，以及文档中的 http://you-site.com（会离开演练场）。",
          ),
          initial: (ctx) => ctx.callbackUrl,
        },
      ],
      save: (ctx) => ({
        client_id: ctx.params.api_key ?? "",
        client_secret: ctx.params.api_secret ?? "",
        api_uuid: ctx.params.api_uuid ?? "",
        redirect_uri: ctx.params.redirect_uri ?? "",
        app: ctx.options.app === "console" ? "console" : "kefu",
      }),
    },
    {
      kind: "navigate",
      id: "authorize",
      title: l("Get a code: GET /ppauth/auth → the 应用授权 (authorize) page", "获取授权码：GET /ppauth/auth → 应用授权页"),
      explain: l(
        "The browser visits /ppauth/auth. PPMessage shows its 应用授权 page; the user enters email and password and clicks 继续. If they match, PPMessage redirects to redirect_uri with the code and the state. The document doesn't say what happens when they don't: the mock shows the page again with an error and redirects nothing.",
        "浏览器访问 /ppauth/auth。PPMessage 显示应用授权页面；用户输入邮箱和密码并点击继续。若匹配，PPMessage 带上授权码与 state 重定向到 redirect_uri。文档没有说不匹配时会怎样：模拟服务器会带着错误重新显示该页面，不做任何重定向。",
      ),
      doc: "GET https://ppmessage.com/ppauth/auth?state=xxxx&client_id=xxxx&redirect_id=xxxx&response_type=code\n\n`state`          | 表示客户端的当前状态，可以指定任意值，`PPMessage`服务器会原封不动地返回这个值\n`client_id`      | 表示客户端的`api_key`(即`kefu api_key`和`console api_key`)\n`redirect_uri`   | 表示重定向`URI`，最终获取`token`成功后，PPMessage服务器会把用户导向这个`URI`\n`response_type`  | 表示授权类型，此处为授权码类型，值为`code`\n\n在**应用授权**页面，用户输入他的邮箱和密码，然后点击继续按钮。如果邮箱和密码匹配，PPMessage服务器会将用户导向你指定的`redirect_uri`，并带上授权码和`state`。",
      quirks: ["redirect-id"],
      options: [
        {
          id: "redirectParam",
          label: l("Name of the redirect parameter", "重定向参数的名字"),
          default: "redirect_uri",
          choices: [
            { value: "redirect_uri", label: l("redirect_uri (the parameter table)", "redirect_uri（参数表）"), explain: l("The name in the parameter table; the mock reads only this one", "参数表中的名字；模拟服务器只读取它") },
            {
              value: "redirect_id",
              label: l("redirect_id (the example URL)", "redirect_id（示例 URL）"),
              explain: l("Reproduces the typo: the mock shows an error page naming redirect_uri", "重现笔误：模拟服务器显示指明 redirect_uri 的错误页"),
            },
          ],
        },
      ],
      params: [
        {
          name: "state",
          in: "query",
          explain: l("The client's current state, any value; PPMessage returns it unchanged. The playground generates a random one and compares it on the callback (CSRF protection).", "表示客户端的当前状态，可以指定任意值，PPMessage 服务器会原封不动地返回这个值。演练场生成随机值并在回调时比对（防 CSRF）。"),
          initial: () => sessionState,
        },
        { ...clientIdParam, in: "query" },
        {
          ...redirectUriParam(
            l(
              "Where PPMessage sends the user with the code (the table says “after the token is obtained”, but it is the code that comes back here). The example URL calls it redirect_id — a typo (see the quirk).",
              "重定向 URI，PPMessage 带着授权码把用户导向这里（参数表写的是“最终获取token成功后”，其实带回来的是授权码）。示例 URL 写成了 redirect_id —— 笔误（见上方提示）。",
            ),
          ),
          in: "query",
        },
        { name: "response_type", required: true, in: "query", explain: l("The authorization type: here the authorization code type, value code.", "表示授权类型，此处为授权码类型，值为 code"), initial: () => "code" },
      ],
      url: (ctx) => {
        const params = { ...ctx.params };
        if (ctx.options.redirectParam === "redirect_id") {
          // The document's example URL, verbatim in its parameter order: state, client_id, redirect_id, response_type.
          const entries = Object.entries(params).map(([k, v]) => [k === "redirect_uri" ? "redirect_id" : k, v] as [string, string]);
          return `/ppauth/auth?${encodeParams(Object.fromEntries(entries))}`;
        }
        return `/ppauth/auth?${encodeParams(params)}`;
      },
      // One-click reproductions: what the user does on the 应用授权 page, as real requests (the demo user signs in).
      headless: async (url, ctx, fetch) => {
        const user = ctx.fixtures?.users[0];
        const page = await fetch(url, { credentials: "same-origin" });
        if (!page.ok) return page.url;
        const authorize = new URL(url).searchParams;
        const body = encodeParams({
          client_id: authorize.get("client_id") ?? "",
          redirect_uri: authorize.get("redirect_uri") ?? "",
          state: authorize.get("state") ?? "",
          response_type: authorize.get("response_type") ?? "",
          email: user?.email ?? "",
          password: user?.password ?? "",
        });
        const res = await fetch(`${ctx.target.browserBase}/ppauth/auth`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body, credentials: "same-origin" });
        return res.url;
      },
      save: (ctx) => pickParams(ctx, "state", "redirect_uri", "client_id"),
    },
    {
      kind: "callback",
      id: "callback",
      title: l("Back at redirect_uri with code and state", "带着 code 与 state 回到 redirect_uri"),
      explain: l(
        "PPMessage redirects the browser to redirect_uri?code=…&state=…. The state must equal the one sent in the previous step; the playground checks it before taking the code.",
        "PPMessage 将浏览器导向 redirect_uri?code=…&state=…。state 应该和上一步提供的一致；演练场先校验 state 再接受授权码。",
      ),
      doc: "http://you-site.com?code=xxxxxx&state=xxxx\n\nPPMessage服务器将用户导向你的`redirect_uri`后，你能从这个uri里获取到`authorization code`和`state`。\n`state`应该和你上一步提供的`state`一致。",
      outcome: ({ query }, ctx) => {
        const facts: Fact[] = queryFacts(query, { code: ctx.fixtures?.settings.code_validity }, ctx.now);
        const error = query.get("error");
        if (error) return { status: "error", summary: l(`PPMessage refused: ${error} ${query.get("error_description") ?? ""}`, `PPMessage 拒绝：${error} ${query.get("error_description") ?? ""}`), facts };
        const code = query.get("code");
        if (!code) return { status: "error", summary: l("The callback carries no code.", "回调中没有 code。"), facts };
        return { status: "success", summary: l("Got an authorization code; state checked.", "拿到授权码；state 已校验。"), values: { code }, facts };
      },
    },
    {
      kind: "http",
      id: "token",
      title: l("Exchange the code: POST /ppauth/token", "获取 token：POST /ppauth/token"),
      explain: l(
        "POST the code with the app's api_key and api_secret; redirect_uri must equal the one sent to /ppauth/auth. The document says no more about the code; the mock treats it the way OAuth 2.0 does (assumed): a code works once and for 10 minutes; a replay is refused and revokes the token it issued. The document lists body parameters but not their encoding; the mock accepts a form or a JSON body.",
        "用应用的 api_key 与 api_secret 提交（POST）授权码；redirect_uri 应该和 /ppauth/auth 时的一致。文档对授权码没有更多说明；模拟服务器按 OAuth 2.0 的做法处理（推测）：授权码只能用一次、有效期 10 分钟；重放会被拒绝，并吊销用它换到的 token。文档列出了请求体参数但没说编码方式；模拟服务器接受表单或 JSON。",
      ),
      doc: "POST https://ppmessage.com/ppauth/token\n\n`code`            | 你获取的授权码\n`client_id`       | 表示客户端的`api_key`(即`kefu api_key`和`console api_key`)\n`client_secret`   | 表示客户端的`api_secret`(即`kefu api_secret`和`console api_secret`)\n`redirect_uri`    | 重定向uri, 应该和之前的一致\n`grant_type`      | token 类型, 值为`authorization_code`",
      options: [
        {
          id: "encoding",
          label: l("Body encoding (the document does not say)", "请求体编码（文档未说明）"),
          default: "form",
          choices: [
            { value: "form", label: l("Form", "表单"), explain: l(`application/x-www-form-urlencoded — ${ASSUMED.en}`, `application/x-www-form-urlencoded —— ${ASSUMED.zh}`) },
            { value: "json", label: l("JSON", "JSON"), explain: l(`application/json, like the API calls — ${ASSUMED.en}`, `application/json，与 API 调用一致 —— ${ASSUMED.zh}`) },
          ],
        },
      ],
      params: [
        { name: "code", required: true, secret: true, in: "body", explain: l("The authorization code you got.", "你获取的授权码"), initial: (ctx) => ctx.values.code },
        { ...clientIdParam, in: "body" },
        {
          name: "client_secret",
          required: true,
          secret: true,
          in: "body",
          explain: l("The client's api_secret (the kefu api_secret or the console api_secret).", "表示客户端的 api_secret（即 kefu api_secret 和 console api_secret）"),
          initial: (ctx) => ctx.values.client_secret ?? clientByKind(ctx, "kefu")?.client_secret,
        },
        { ...redirectUriParam(l("The redirect URI; must equal the one sent before.", "重定向 uri，应该和之前的一致")), in: "body" },
        { name: "grant_type", required: true, in: "body", explain: l("Value authorization_code. The document calls it the “token type”; it is the grant type.", "token 类型，值为 authorization_code（文档原文如此，实为授权方式）"), initial: () => "authorization_code" },
      ],
      request: (ctx) => {
        const json = ctx.options.encoding === "json";
        return {
          method: "POST",
          path: "/ppauth/token",
          headers: [
            ["Content-Type", json ? "application/json" : "application/x-www-form-urlencoded"],
            ["Accept", "application/json"],
          ],
          body: json ? JSON.stringify(ctx.params) : encodeParams(ctx.params),
        };
      },
      outcome: ({ response, json }, ctx) => {
        if (response?.status !== 200) return errorOutcome(response, json, ppErrorText);
        const body = tokenAnswer.safeParse(json);
        if (!body.success) return unexpectedBody(response, body.error.issues);
        return {
          status: "success",
          // The OAuth-not-Bearer warning is said once beside token_type and once in the quirk card, not a third time here.
          summary: l("Token issued.", "已获得 token。"),
          values: { access_token: body.data.access_token },
          facts: fieldFacts(json, {
            notes: {
              token_type: l('The document says token_type "Bearer", yet the API header scheme is OAuth.', '文档写 token_type 为 "Bearer"，但调用 API 时 Authorization 头用 OAuth 方案。'),
              expires_in: l("The document says 3600*24 seconds (86400), i.e. 24 hours; it documents no refresh token.", "文档写的是 3600*24 秒（86400），即 24 小时；文档没有 refresh token。"),
            },
            expiresIn: ["expires_in"],
            now: ctx.now,
          }),
          quirks: ["bearer-vs-oauth-scheme"],
        };
      },
    },
    {
      kind: "http",
      id: "service-users",
      clockHint: (ctx) => ctx.fixtures?.settings.access_token_validity,
      title: l("Call the API: the app's service users", "调用 API：应用的客服列表"),
      explain: l(
        "Every PPMessage API is POST /api/<NAME> with Content-Type: application/json and Authorization: OAuth <token>. This one, PP_GET_APP_SERVICE_USER_LIST (the uri of the document's example answer), lists the app's service users (客服), going by its name; that it needs app_uuid is assumed, since the document only says some APIs do. Success is error_code \"0\" in the {list, error_code, error_string, uri} envelope. Try the Bearer scheme to see the usual mistake, or advance the clock a day to see the expired token.",
        "所有 PPMessage API 都是 POST /api/<NAME>，带 Content-Type: application/json 与 Authorization: OAuth <token>。此 API 即 PP_GET_APP_SERVICE_USER_LIST（文档示例返回中的 uri），从名字看是列出应用的客服；“需要 app_uuid”这一点是推测，文档只说部分 API 需要。成功时响应格式 {list, error_code, error_string, uri} 中的 error_code 为 \"0\"。可改用 Bearer 方案观察常见错误，或把时钟拨快一天观察 token 过期。",
      ),
      doc: '{\n    "Content-Type": "application/json",\n    "Authorization": "OAuth xxxxxx"\n}\n\nPOST https://ppmessage.com/api/xxxx\n\n{\n    "list": [],\n    "error_code": "0",\n    "error_string": "success",\n    "uri": "/PP_GET_APP_SERVICE_USER_LIST"\n}',
      quirks: ["bearer-vs-oauth-scheme"],
      options: [schemeOption],
      params: [accessTokenParam, appUuidParam],
      request: (ctx) => apiRequest("PP_GET_APP_SERVICE_USER_LIST", ctx, { app_uuid: ctx.params.app_uuid ?? "" }),
      outcome: (answer, ctx) =>
        apiOutcome(answer, ctx, (body) => {
          const list = (Array.isArray(body.list) ? body.list : []).map((item) => jsonObject(item) ?? {});
          const facts: Fact[] = [
            { label: "list", value: l(`${list.length} service ${list.length === 1 ? "user" : "users"}`, `${list.length} 个客服用户`), note: l(`The document's example shows an empty list; the item fields (uuid, user_email, …) are ${ASSUMED.en}.`, `文档示例中 list 为空；条目字段（uuid、user_email……）为${ASSUMED.zh}。`) },
            ...list.map((u) => ({ label: `  ${String(u.user_email)}`, value: String(u.uuid) })),
            ...fieldFacts({ error_code: body.error_code, error_string: body.error_string, uri: body.uri }, { notes: { error_code: errorCodeNote } }),
          ];
          return { status: "success", summary: l('error_code "0": the API accepted the OAuth token.', 'error_code "0"：API 接受了 OAuth token。'), facts };
        }),
    },
    {
      kind: "http",
      id: "user-info",
      title: l("Call the API: one user's info (user_uuid)", "调用 API：用户信息（user_uuid）"),
      badges: ["assumed"],
      explain: l(
        "Some APIs also need user_uuid: the user who entered email and password on the 应用授权 page. PP_GET_USER_INFO comes from PPMessage's API list, which the document links but does not include, so its answer fields are assumed; the envelope and the header are the document's.",
        "部分 API 还需要 user_uuid：在应用授权界面输入邮箱和密码的用户。PP_GET_USER_INFO 出自 PPMessage 的 API 列表（文档只给了链接，未包含内容），所以返回字段为推测；响应格式与请求头来自文档。",
      ),
      doc: '部分API需要你提供`app_uuid`(即`kefu api_uuid`和`console api_uuid`)，或`user_uuid`(在 **应用授权** 界面输入邮箱和密码的用户)。此时body应包括相应参数。\n{\n    "app_uuid": "xxxx",\n    "user_uuid": "xxxx",\n    ...\n}',
      quirks: ["bearer-vs-oauth-scheme"],
      options: [schemeOption],
      params: [
        accessTokenParam,
        appUuidParam,
        {
          name: "user_uuid",
          required: true,
          in: "body",
          explain: l("The user who signed in on the 应用授权 page (the demo user by default; the previous step's list shows every uuid).", "在应用授权界面输入邮箱和密码的用户（默认为演示用户；上一步的列表列出了所有 uuid）。"),
          initial: (ctx) => ctx.fixtures?.users[0]?.user_uuid,
        },
      ],
      request: (ctx) => apiRequest("PP_GET_USER_INFO", ctx, { app_uuid: ctx.params.app_uuid ?? "", user_uuid: ctx.params.user_uuid ?? "" }),
      outcome: (answer, ctx) =>
        apiOutcome(answer, ctx, (body) => ({
          status: "success",
          summary: l(`error_code "0": ${String(body.user_fullname)} <${String(body.user_email)}>.`, `error_code "0"：${String(body.user_fullname)} <${String(body.user_email)}>。`),
          facts: fieldFacts(body, { notes: { error_code: errorCodeNote } }),
        })),
    },
  ],
};
