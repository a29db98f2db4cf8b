import { l } from "../../core/i18n/localized.ts";
import { encodeParams } from "../../core/wizard/engine.ts";
import { fieldFacts, pickParams, randomState } from "../../core/wizard/helpers.ts";
import type { Flow, ParamSpec, StepContext } from "../../core/wizard/types.ts";
import { pigaiContract } from "./contract.ts";
import { jsonpState, payloadOutcome, pigaiErrorOutcome, rawOutcome, serverTokenOutcome } from "./flow/outcomes.ts";
import { pigaiValues, type PigaiValues } from "./flow/values.ts";
import { pigaiScenarios } from "./scenarios.ts";
import { pigaiFixturesSchema, type PigaiFixtures } from "./schemas.ts";

type Param = ParamSpec<PigaiValues, PigaiFixtures>;
type FixtureCtx = Pick<StepContext<PigaiValues, PigaiFixtures>, "fixtures">;

const firstClient = (ctx: FixtureCtx) => ctx.fixtures?.clients[0];
const clientById = (ctx: FixtureCtx, id: string | undefined) => ctx.fixtures?.clients.find((c) => c.client_id === id);
const sessionState = randomState();

const clientIdParam: Param = {
  name: "client_id",
  required: true,
  explain: l("The application's unique id: the APIKey, or App key.", "应用的唯一标识，即 APIKey，也叫 App key。"),
  initial: (ctx) => ctx.values.client_id ?? firstClient(ctx)?.client_id,
  check: (value, ctx) =>
    clientById(ctx, value)
      ? undefined
      : l(`No application “${value}” (the document's APIKEY / Your_App_Key are placeholders).`, `没有应用 “${value}”（文档中的 APIKEY / Your_App_Key 只是占位符）。`),
};
const responseTypeParam: Param = { name: "response_type", required: true, in: "query", explain: l("Always token.", "固定值 token。"), initial: () => "token" };

export const pigaiFlow: Flow<PigaiValues, PigaiFixtures> = {
  contract: pigaiContract,
  values: pigaiValues,
  secretValues: ["client_secret", "access_token"],
  fixtures: pigaiFixturesSchema,
  scenarios: pigaiScenarios,
  steps: [
    {
      kind: "setup",
      id: "client",
      title: l("Client setup: client_id and client_secret", "客户端设置：client_id 与 client_secret"),
      explain: l(
        "The application registered at Pigai, pre-filled from the mock's fixtures. The document names client_id twice: the APIKey in method one's table, the App key in method two's; it is one value (its examples' APIKEY and Your_App_Key are placeholders). Method one (in the browser) needs only client_id; method two (server side) also needs client_secret, the App secret. Neither redirects, so no redirect URI is registered.",
        "在批改网注册的应用，已按模拟服务器的初始数据填好。文档对 client_id 有两种叫法：方法一的参数表里叫 APIKey，方法二的叫 App key；两者是同一个值（示例中的 APIKEY 与 Your_App_Key 只是占位符）。方法一（浏览器）只需要 client_id；方法二（服务器端）还需要 client_secret，即 App secret。两种方法都不重定向，所以没有注册重定向 URI。",
      ),
      doc: "| client_id | 必须,应用的唯一标识，对应于 APIKey |\n| client_id | 必须,应用的唯一标识,创建应用时分配的App key |\n| client_secret | 必须,创建应用时分配的App secret |",
      params: [
        clientIdParam,
        { name: "client_secret", required: true, secret: true, explain: l("The App secret; only method two (server side) sends it.", "App secret；只有方法二（服务器端）发送它。"), initial: (ctx) => ctx.values.client_secret ?? firstClient(ctx)?.client_secret },
      ],
      save: (ctx) => pickParams(ctx, "client_id", "client_secret"),
    },
    {
      kind: "jsonp",
      id: "jsonp",
      title: l("Method one: JSONP GET /oauth2/authorize2", "方法一：JSONP GET /oauth2/authorize2"),
      explain: l(
        "For clients such as JavaScript in the browser. The playground loads the URL as a real <script>: the answer is JavaScript, callback(jsondata), and calling the callback hands over the token. Choose how the callback is named: a <script> element with a generated callback, or the way the document's jQuery example does it: its data sends no callback, although the table says callback is required, because $.ajax with dataType: 'jsonp' adds callback=jQuery…_… (and _=) itself. Errors come through the same callback. The state is checked against the one sent.",
        "适用于浏览器中的 JavaScript 等客户端。演练场用真实的 <script> 加载该 URL：返回的是 JavaScript，即 callback(jsondata)，回调被调用时交出 token。选择回调的命名方式：<script> 元素加生成的回调名，或文档 jQuery 示例的方式：参数表说 callback 是必须的，但示例的 data 里并没有 callback，因为 $.ajax 的 dataType: 'jsonp' 会自己加上 callback=jQuery…_…（以及 _=）。错误也通过同一个回调返回。演练场会校验 state。",
      ),
      doc: "http://api.pigai.org/oauth2/authorize2?callback=myfun&response_type=token&client_id=APIKEY&state=xyz\n\nmyfun({\"access_token\":\"8d734bf19bc9e7b0dbec5642204e7988a05cc222\",\"expires_in\":\"7200\",\"token_type\":\"Bearer\",\"state\":\"xyz\"})\n\n$.ajax({\n   url: 'http://api.pigai.org/oauth2/authorize2',\n   type: 'get',\n   data: {\n\tresponse_type: 'token',\n\tclient_id: '提供APIKEY',\n\tstate: 'xyz'\n   },\n   dataType: 'jsonp'\n}).done(function(d) {\n\talert( d.access_token );\n});",
      quirks: ["expires-in-string-vs-number"],
      options: [
        {
          id: "style",
          label: l("JSONP style", "JSONP 方式"),
          default: "script",
          choices: [
            { value: "script", label: l("<script> element", "<script> 元素"), explain: l("A generated callback name on window, a <script src> in <head>", "在 window 上生成回调名，在 <head> 中插入 <script src>") },
            { value: "jquery", label: l("The jQuery way", "jQuery 方式"), explain: l("$.ajax({dataType: 'jsonp'}): callback=jQuery…_…&_=…, as in the document's example", "$.ajax({dataType: 'jsonp'})：callback=jQuery…_…&_=…，与文档示例一致") },
          ],
        },
      ],
      params: [
        { ...clientIdParam, in: "query" },
        responseTypeParam,
        {
          name: "state",
          in: "query",
          explain: l("Optional. Returned unchanged, against CSRF; the playground generates one and checks it.", "可选，服务器会把 state 值原样传回客户端，用于防止 csrf 攻击。演练场生成并校验。"),
          initial: () => sessionState,
        },
      ],
      url: (ctx) => `/oauth2/authorize2?${encodeParams(ctx.params)}`,
      callbackParam: "callback",
      style: (ctx) => (ctx.options.style === "jquery" ? "jquery" : "script"),
      stateOf: jsonpState,
      outcome: ({ payload }, ctx) =>
        payloadOutcome(
          payload,
          ctx,
          ctx.options.style === "jquery"
            ? l("the jQuery way (callback=jQuery…, _=…)", "以 jQuery 方式（callback=jQuery…、_=…）")
            : l("through a <script> element with a generated callback", "通过 <script> 元素与生成的回调"),
        ),
    },
    {
      kind: "http",
      id: "jsonp-raw",
      title: l("Method one, read as text: the raw JavaScript answer", "方法一，按文本读取：原始 JavaScript 返回"),
      explain: l(
        "The same request fetched as text instead of run as a script, with the document's DEMO values (callback=myfun, state=xyz), to see exactly what the script gets: myfun({...}), served by the mock as application/javascript with X-Content-Type-Options: nosniff (the document names no headers). The document only says the callback is your own JavaScript function; the mock takes a JavaScript identifier path (myfun, ns.cb) and refuses anything else with 400 in plain JSON, never echoing it (assumed): try alert(1)// or leave it empty.",
        "用文本方式取回同一个请求（而不是当作脚本执行），使用文档 DEMO 的值（callback=myfun、state=xyz），看清脚本收到的内容：myfun({...})，模拟服务器以 application/javascript 并带 X-Content-Type-Options: nosniff 返回（文档没有给出响应头）。文档只说 callback 是自定义的 JavaScript 函数；模拟服务器接受 JavaScript 标识符路径（myfun、ns.cb），其他值一律以纯 JSON 返回 400，且从不回显（推测）：试试 alert(1)// 或留空。",
      ),
      doc: "http://api.pigai.org/oauth2/authorize2?callback=myfun&response_type=token&client_id=APIKEY&state=xyz\n\n| callback | 必须，自定义JavaScript函数，建议使用jsonP来做。|\n\n返回的格式为js的callback(jsondata) 函数,其中callback为自定义的。",
      quirks: ["expires-in-string-vs-number"],
      params: [
        {
          name: "callback",
          required: true,
          in: "query",
          explain: l("Your JavaScript function's name.", "自定义 JavaScript 函数。"),
          initial: () => "myfun",
          check: (value) =>
            /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/.test(value) ? undefined : l("Not a JavaScript identifier path: expect a 400 refusal.", "不是 JavaScript 标识符路径：将被 400 拒绝。"),
        },
        responseTypeParam,
        { ...clientIdParam, in: "query" },
        { name: "state", in: "query", explain: l("Optional. Returned unchanged (the DEMO's xyz).", "可选，原样返回（DEMO 中为 xyz）。"), initial: () => "xyz" },
      ],
      request: (ctx) => ({ method: "GET", path: `/oauth2/authorize2?${encodeParams(ctx.params)}`, headers: [["Accept", "*/*"]] }),
      outcome: rawOutcome,
    },
    {
      kind: "http",
      id: "token",
      title: l("Method two: POST /oauth2/access_token (server side)", "方法二：POST /oauth2/access_token（服务器端）"),
      explain: l(
        "For servers (PHP, Java, …): POST grant_type=client_credentials with the App key and App secret as a form body, as the document's curl -d does. The answer is plain JSON: expires_in is a number here, scope is null, and there is no state, although the result table lists one.",
        "适用于服务器端（PHP、Java 等）：以表单请求体 POST grant_type=client_credentials 与 App key、App secret，与文档中的 curl -d 一致。返回纯 JSON：这里 expires_in 是数字，scope 为 null，也没有 state，尽管返回结果表里列了 state。",
      ),
      doc: '$ curl http://api.pigai.org/oauth2/access_token \\\n       -d "grant_type=client_credentials&client_id=Your_App_Key&client_secret=Your_App_Secret"\n\n{\n    "access_token":"336342b797d895c2fafcfa547f751bfd326dc168",\n    "expires_in":7200,\n    "token_type":"Bearer",\n    "scope":null\n}\n| access_token | 临时token |\n| expires_in | 过期时间限制，默认为2个小时。 |\n| state | 带过来的state 防止crsf攻击 |',
      quirks: ["expires-in-string-vs-number", "method-two-state"],
      params: [
        { name: "grant_type", required: true, in: "body", explain: l("Always client_credentials.", "值为 client_credentials"), initial: () => "client_credentials" },
        { ...clientIdParam, in: "body", explain: l("The application's unique id, the App key assigned at creation.", "应用的唯一标识，创建应用时分配的 App key") },
        { name: "client_secret", required: true, secret: true, in: "body", explain: l("The App secret assigned at creation.", "创建应用时分配的 App secret"), initial: (ctx) => ctx.values.client_secret ?? firstClient(ctx)?.client_secret },
      ],
      request: (ctx) => ({ method: "POST", path: "/oauth2/access_token", headers: [["Content-Type", "application/x-www-form-urlencoded"]], body: encodeParams(ctx.params) }),
      outcome: serverTokenOutcome,
    },
    {
      kind: "http",
      id: "resource",
      // The token's lifetime (the document's 2 hours), as the mock's fixtures hold it.
      clockHint: (ctx) => ctx.fixtures?.settings.access_token_validity,
      title: l("Use the token: GET /api/me", "使用 token：GET /api/me"),
      badges: ["assumed"],
      explain: l(
        "The document stops at the token. The mock adds GET /api/me, protected by Authorization: Bearer <token> (token_type is Bearer), so expiry and 401 can be seen: advance the virtual clock by 2 h and send again. Either method's token works; the last one fetched is filled in.",
        "文档只讲到获取 token。模拟服务器额外提供 GET /api/me，以 Authorization: Bearer <token>（token_type 为 Bearer）保护，以便观察过期与 401：把虚拟时钟拨快 2 小时后再发送。两种方法的 token 都可以；默认填入最近获取的那个。",
      ),
      params: [
        { name: "access_token", required: true, secret: true, in: "header", explain: l("Sent as Authorization: Bearer <token>.", "以 Authorization: Bearer <token> 发送。"), initial: (ctx) => ctx.values.access_token },
      ],
      request: (ctx) => ({ method: "GET", path: "/api/me", headers: [["Authorization", `Bearer ${ctx.params.access_token ?? ""}`], ["Accept", "application/json"]] }),
      outcome: ({ response, json }, ctx) =>
        response?.status === 200
          ? {
              status: "success",
              summary: l("The token was accepted.", "token 被接受。"),
              facts: fieldFacts(json, { hints: { method: l("Which of the document's two methods issued the token.", "签发该 token 的方法（文档中的两种方法之一）。") }, expiresIn: ["expires_in"], now: ctx.now }),
            }
          : pigaiErrorOutcome(response, json),
    },
  ],
};
