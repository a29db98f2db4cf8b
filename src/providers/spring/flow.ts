import { z } from "zod";
import { l } from "../../core/i18n/localized.ts";
import { encodeParams } from "../../core/wizard/engine.ts";
import { basicAuth, errorOutcome, fieldFacts, pickParams, queryFacts, randomState, unexpectedBody } from "../../core/wizard/helpers.ts";
import type { Answer, Flow, Outcome, ParamSpec, RequestSpec, StepContext, StepOption } from "../../core/wizard/types.ts";
import { springContract } from "./contract.ts";
import { springScenarios } from "./scenarios.ts";
import { springValues, type SpringValues } from "./flow/values.ts";
import { springFixturesSchema, type SpringFixtures } from "./schemas.ts";

type Ctx = Omit<StepContext<SpringValues, SpringFixtures>, "params">;

const client = (ctx: Ctx, id: string | undefined) => ctx.fixtures?.clients.find((c) => c.client_id === id);
const firstClient = (ctx: Ctx) => ctx.fixtures?.clients[0];
const sessionState = randomState();

/** The documented token answer (seed 001, step 7); refresh_token is there for both grants. */
const tokenAnswer = z.object({ access_token: z.string(), refresh_token: z.string() });

const clientIdParam: ParamSpec<SpringValues, SpringFixtures> = {
  name: "client_id",
  required: true,
  explain: l("The client_id registered on the authorization server.", "在授权服务器上注册的 client_id"),
  initial: (ctx) => ctx.values.client_id ?? firstClient(ctx)?.client_id,
  check: (value, ctx) =>
    client(ctx, value)
      ? undefined
      : l(`No client “${value}” is registered (the document's second curl example misspells it as messging-client).`, `没有注册名为 “${value}” 的客户端（文档的第二个 curl 示例把它拼成了 messging-client）。`),
};
const clientSecretParam: ParamSpec<SpringValues, SpringFixtures> = {
  name: "client_secret",
  required: true,
  secret: true,
  explain: l("The secret registered on the authorization server.", "在授权服务器上注册的 secret"),
  initial: (ctx) => ctx.values.client_secret ?? firstClient(ctx)?.client_secret,
};
const redirectUriParam = (explain = l("The redirect address registered on the authorization server.", "在授权服务器上注册的重定向地址")): ParamSpec<SpringValues, SpringFixtures> => ({
  name: "redirect_uri",
  required: true,
  explain,
  initial: (ctx) => ctx.values.redirect_uri ?? ctx.callbackUrl,
  check: (value, ctx) => {
    const registered = client(ctx, ctx.params.client_id)?.redirect_uris;
    if (!registered || registered.includes(value)) return undefined;
    return l(`Not registered for this client (exact match needed): ${registered.join(", ")}`, `该客户端未注册此地址（须逐字一致）：${registered.join(", ")}`);
  },
});

const tokenOptions: StepOption[] = [
  {
    id: "style",
    label: l("Where the parameters go", "参数放在哪里"),
    default: "form",
    choices: [
      { value: "form", label: l("Form body (the curl examples)", "表单请求体（curl 示例）"), explain: l("application/x-www-form-urlencoded POST body", "application/x-www-form-urlencoded 请求体") },
      { value: "query", label: l("Query string (the postman example)", "查询串（postman 示例）"), explain: l("POST with every parameter in the URL", "所有参数都在 URL 中的 POST") },
    ],
  },
  {
    id: "auth",
    label: l("Client authentication", "客户端认证方式"),
    default: "body",
    choices: [
      { value: "body", label: l("client_id / client_secret parameters", "client_id / client_secret 参数"), explain: l("as in the document", "与文档一致") },
      { value: "basic", label: l("HTTP Basic header", "HTTP Basic 请求头"), explain: l("Authorization: Basic base64(id:secret); not in the document, but Spring accepts both", "Authorization: Basic base64(id:secret)；文档中没有，但 Spring 两种都接受") },
    ],
  },
];

/** The token endpoint request in the chosen style: form body or query string, secret in the body or Basic. */
function tokenRequest(ctx: StepContext<SpringValues, SpringFixtures>): RequestSpec {
  const basic = ctx.options.auth === "basic";
  const params = { ...ctx.params };
  const headers: RequestSpec["headers"] = [["Accept", "application/json"]];
  if (basic) {
    headers.push(["Authorization", basicAuth(params.client_id ?? "", params.client_secret ?? "")]);
    delete params.client_id;
    delete params.client_secret;
  }
  const encoded = encodeParams(params);
  if (ctx.options.style === "query") return { method: "POST", path: `/oauth/token?${encoded}`, headers };
  return { method: "POST", path: "/oauth/token", headers: [...headers, ["Content-Type", "application/x-www-form-urlencoded"]], body: encoded };
}

// The note is the document's quirk: a real server (live target) may well answer "Bearer".
const lowerCaseBearer = (json: unknown) => typeof json === "object" && json !== null && (json as Record<string, unknown>).token_type === "bearer";
const tokenFacts = (json: unknown, now: number | undefined) =>
  fieldFacts(json, { notes: lowerCaseBearer(json) ? { token_type: l("Lower-case “bearer”: compare case-insensitively.", "小写 “bearer”：比较时请忽略大小写。") } : {}, expiresIn: ["expires_in"], now });

/** A token answer (code exchange or refresh): the documented JSON, or the error envelope. */
function tokenOutcome(answer: Answer, ctx: StepContext<SpringValues, SpringFixtures>, success: (body: z.infer<typeof tokenAnswer>) => Omit<Outcome<SpringValues>, "values" | "facts">): Outcome<SpringValues> {
  if (answer.response?.status !== 200) return errorOutcome(answer.response, answer.json, springErrorText);
  const body = tokenAnswer.safeParse(answer.json);
  if (!body.success) return unexpectedBody(answer.response, body.error.issues);
  return {
    ...success(body.data),
    values: { access_token: body.data.access_token, refresh_token: body.data.refresh_token },
    facts: tokenFacts(answer.json, ctx.now),
  };
}

const springErrorText = (b: Record<string, unknown>) => `${String(b.error)}: ${String(b.error_description ?? "")}`;

export const springFlow: Flow<SpringValues, SpringFixtures> = {
  contract: springContract,
  values: springValues,
  secretValues: ["client_secret", "code", "access_token", "refresh_token"],
  fixtures: springFixturesSchema,
  scenarios: springScenarios,
  steps: [
    {
      kind: "setup",
      id: "client",
      title: l("Client setup", "客户端设置"),
      explain: l(
        "The client registered on the Spring authorization server, pre-filled from the mock's fixtures. On the mock, messaging-client shows the approval page (autoapprove false); trusted-client, which is not in the document, is approved automatically (autoapprove true: the document's “go straight to step 6”).",
        "在 Spring 授权服务器上注册的客户端，已按模拟服务器的初始数据填好。在模拟服务器上，messaging-client 会显示授权页（autoapprove 为 false）；trusted-client（文档中没有）自动授权（autoapprove 为 true，即文档所说的“直接转到步骤 6”）。",
      ),
      doc: "client_id=messaging-client : **必须**，在授权服务器上注册的 client_id\nclient_secret=secret : **必须**，在授权服务器上注册的 secret",
      params: [
        { ...clientIdParam, initial: (ctx) => ctx.values.client_id ?? firstClient(ctx)?.client_id },
        clientSecretParam,
        redirectUriParam(l("The redirect address. The playground's own callback is registered, and so is the document's http://localhost (which would leave the playground).", "重定向地址。演练场自己的回调地址已注册，文档中的 http://localhost 也已注册（但会离开演练场）。")),
      ],
      save: (ctx) => pickParams(ctx, "client_id", "client_secret", "redirect_uri"),
    },
    {
      kind: "navigate",
      id: "authorize",
      title: l("Authorize: /oauth/authorize → /login → approval", "授权：/oauth/authorize → /login → 授权页"),
      explain: l(
        "The browser visits /oauth/authorize. Not signed in, it is redirected to /login (the mock's user / password); after login Spring sends it back to the saved authorize request, shows the approval page (autoapprove false), and on Authorize redirects to redirect_uri with the code. A state is generated to protect against CSRF (the document leaves it out; the playground checks it).",
        "浏览器访问 /oauth/authorize。未认证时重定向到 /login（模拟服务器的 user / password）；登录后 Spring 回到保存的授权请求，显示授权页（autoapprove 为 false），点授权后带着 code 重定向到 redirect_uri。演练场会生成 state 以防 CSRF（文档未使用，演练场会校验）。",
      ),
      doc: "http://localhost:8090/oauth/authorize?response_type=code&client_id=messaging-client&redirect_uri=http://localhost\n\n- response_type=code : **必须**，请求的响应类型为 authorization code\n- client_id=messaging-client : **必须**，在授权服务器上注册的 client_id\n- redirect_uri=http://localhost : **必须**，在授权服务器上注册的重定向地址\n\n如果未认证，就重定向到授权服务器的认证接口，此时会打开 login 认证界面\n如果 autoapprove 为 false ，就打开 approve 授权界面",
      params: [
        { name: "response_type", required: true, in: "query", explain: l("The response type: an authorization code.", "请求的响应类型为 authorization code"), initial: () => "code" },
        { ...clientIdParam, in: "query" },
        { ...redirectUriParam(), in: "query" },
        { name: "scope", in: "query", explain: l("Not in the document. Left out, Spring grants the client's registered scopes (read write).", "文档中没有。不传时 Spring 授予客户端注册的全部 scope（read write）。"), initial: () => "" },
        { name: "state", in: "query", explain: l("Not in the document, but recommended: Spring returns it unchanged, and the playground compares it on the callback (CSRF protection).", "文档中没有，但推荐使用：Spring 原样返回，演练场在回调时比对（防 CSRF）。"), initial: () => sessionState },
      ],
      url: (ctx) => `/oauth/authorize?${encodeParams(ctx.params)}`,
      // One-click reproductions log in and approve with real requests; fetch keeps the session cookie.
      headless: async (url, ctx, fetch) => {
        const base = ctx.target.browserBase;
        const user = ctx.fixtures?.users[0];
        const form = (body: string): RequestInit => ({ method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body, credentials: "same-origin" });
        let res = await fetch(url, { credentials: "same-origin" });
        if (new URL(res.url).pathname.endsWith("/login")) {
          res = await fetch(`${base}/login`, form(encodeParams({ username: user?.username ?? "user", password: user?.password ?? "password" })));
        }
        if (new URL(res.url).pathname.endsWith("/oauth/authorize")) {
          const scopes = (await res.text()).match(/name="scope\.[\w:.-]+"/g)?.map((m) => m.slice(6, -1)) ?? [];
          res = await fetch(`${base}/oauth/authorize`, form(["user_oauth_approval=true", ...new Set(scopes)].map((s) => (s.includes("=") ? s : `${s}=true`)).join("&")));
        }
        return res.url;
      },
      save: (ctx) => pickParams(ctx, "state", "redirect_uri", "client_id"),
    },
    {
      kind: "callback",
      id: "callback",
      title: l("Redirect back with the code", "重定向并返回 code"),
      explain: l(
        "Spring redirects the browser to redirect_uri with code (and the state sent). The document shows only the code; if the user denies (not in the document), Spring sends error=access_denied instead.",
        "Spring 将浏览器重定向到 redirect_uri，并带上 code（以及发送的 state）。文档只给出了 code；若用户拒绝（文档中没有），Spring 会改为带上 error=access_denied。",
      ),
      doc: "http://localhost?code=W636oE\n\n- code=W636oE : code 就是授权码",
      outcome: ({ query }, ctx) => {
        const error = query.get("error");
        if (error) {
          const text = `${error}: ${query.get("error_description") ?? ""}`;
          return { status: "error", summary: l(`The authorization was refused — ${text}`, `授权被拒绝 —— ${text}`), facts: [...query].map(([k, v]) => ({ label: k, value: v })) };
        }
        const code = query.get("code");
        if (!code) return { status: "error", summary: l("The callback carries no code.", "回调中没有 code。") };
        return {
          status: "success",
          summary: l("Got an authorization code; state checked.", "拿到授权码；state 已校验。"),
          values: { code },
          facts: queryFacts(query, { code: ctx.fixtures?.settings.code_validity }, ctx.now),
        };
      },
    },
    {
      kind: "http",
      id: "token",
      title: l("Exchange the code: POST /oauth/token", "获取 token：POST /oauth/token"),
      explain: l(
        "Call the token endpoint with grant_type=authorization_code. The document shows it as a postman URL with every parameter in the query string, and as two curl commands with a form body (the second misspells the client id). A code works once (not in the document; Spring's behaviour): a second exchange is refused.",
        "调用 /oauth/token，注意 grant_type=authorization_code。文档给出 postman 的 URL（参数全在查询串中）和两条以表单请求体发送的 curl 命令（第二条拼错了 client_id）。授权码只能用一次（文档中没有，这是 Spring 的行为）：第二次兑换会被拒绝。",
      ),
      doc: '# curl --data-urlencode "grant_type=authorization_code" --data-urlencode "code=W636oE" --data-urlencode "client_id=messaging-client" --data-urlencode "client_secret=secret" --data-urlencode "redirect_uri=http://localhost" -X POST http://localhost:8090/oauth/token\n\n{\n    "access_token": "a2o1msDxQlL1Ej7YRJF5zmYsL_A",\n    "token_type": "bearer",\n    "refresh_token": "uIOk2gzINbjYc5SWBvvId_xXWK0",\n    "expires_in": 43199,\n    "scope": "read write"\n}',
      quirks: ["client-id-typo", "postman-query-string"],
      options: tokenOptions,
      params: [
        { name: "grant_type", required: true, explain: l("authorization_code: the authorization code grant.", "授权码模式（authorization code）"), initial: () => "authorization_code" },
        { name: "code", required: true, secret: true, explain: l("The code the authorization server returned.", "授权服务器返回的授权码"), initial: (ctx) => ctx.values.code },
        clientIdParam,
        clientSecretParam,
        redirectUriParam(l("The registered redirect address; Spring also requires (not in the document) that it equal the redirect_uri sent to /oauth/authorize.", "在授权服务器上注册的重定向地址；Spring 还要求（文档中没有）它与 /oauth/authorize 时发送的 redirect_uri 一致。")),
      ],
      request: tokenRequest,
      outcome: (answer, ctx) =>
        tokenOutcome(answer, ctx, () => ({ status: "success", summary: l("Token issued.", "已获得 token。"), quirks: ["lowercase-bearer", "expires-in-43199"] })),
    },
    {
      kind: "http",
      id: "refresh",
      title: l("Refresh: grant_type=refresh_token", "刷新 token：grant_type=refresh_token"),
      explain: l(
        "Call /oauth/token again with grant_type=refresh_token. As in the document's example, the answer has a new access token and the same refresh token. The document doesn't say what becomes of the old access token: Spring's default token services remove it, and so does the mock.",
        "再次调用 /oauth/token，注意 grant_type=refresh_token。与文档示例一致，返回新的 access_token 与相同的 refresh_token。文档没有说明旧的 access_token 会怎样：Spring 默认的 token 服务会删除它，模拟服务器也是如此。",
      ),
      doc: '# curl --data-urlencode "grant_type=refresh_token" --data-urlencode "refresh_token=uIOk2gzINbjYc5SWBvvId_xXWK0" --data-urlencode "client_id=messaging-client" --data-urlencode "client_secret=secret" -X POST http://localhost:8090/oauth/token',
      options: tokenOptions,
      params: [
        { name: "grant_type", required: true, explain: l("Always refresh_token.", "刷新 token，值为 refresh_token"), initial: () => "refresh_token" },
        { name: "refresh_token", required: true, secret: true, explain: l("The refresh_token from the token response.", "获取 token 时，授权服务器返回的 refresh_token"), initial: (ctx) => ctx.values.refresh_token },
        clientIdParam,
        clientSecretParam,
      ],
      request: tokenRequest,
      outcome: (answer, ctx) =>
        tokenOutcome(answer, ctx, (body) => ({
          status: "success",
          summary:
            body.refresh_token === ctx.params.refresh_token
              ? l("New access token; the refresh token is the same, as the document shows.", "新的 access_token；refresh_token 不变，与文档一致。")
              : l("New access token and a new refresh token.", "新的 access_token 与新的 refresh_token。"),
        })),
    },
    {
      kind: "http",
      id: "resource",
      // The access token's lifetime (12 hours; the document's expires_in 43199), as the mock's fixtures hold it.
      clockHint: (ctx) => ctx.fixtures?.settings.access_token_validity,
      title: l("Call a protected resource", "调用受保护资源"),
      badges: ["assumed"],
      explain: l(
        "The document stops at the token. The mock adds GET /api/me, protected by the access token in an Authorization: Bearer header, so expiry (advance the clock 12 h) and refresh can be seen.",
        "文档只讲到获取 token。模拟服务器额外提供 GET /api/me，需在 Authorization: Bearer 头中携带 access_token，以便观察过期（把时钟拨快 12 小时）与刷新。",
      ),
      params: [
        { name: "access_token", required: true, secret: true, in: "header", explain: l("Sent as Authorization: Bearer <token>.", "以 Authorization: Bearer <token> 发送。"), initial: (ctx) => ctx.values.access_token },
      ],
      request: (ctx) => ({ method: "GET", path: "/api/me", headers: [["Authorization", `Bearer ${ctx.params.access_token ?? ""}`], ["Accept", "application/json"]] }),
      outcome: ({ response, json }, ctx) =>
        response?.status === 200
          ? { status: "success", summary: l("The resource accepted the token.", "资源服务器接受了该 token。"), facts: fieldFacts(json, { expiresIn: ["expires_in"], now: ctx.now }) }
          : errorOutcome(response, json, springErrorText),
    },
  ],
};
