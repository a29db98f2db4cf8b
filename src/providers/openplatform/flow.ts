import { l } from "../../core/i18n/localized.ts";
import { pickParams } from "../../core/wizard/helpers.ts";
import type { Flow, SentExchange } from "../../core/wizard/types.ts";
import { openplatformContract } from "./contract.ts";
import { dataOf, ticketData } from "./flow/envelope.ts";
import { checkTicketOutcome, checkTokenOutcome, codeOutcome, rotateOutcome, serverTokenOutcome, ticketOutcome, tokenOutcome } from "./flow/outcomes.ts";
import { appIdParam, checkCodeDoc, checkSpec, checkTypeParam, encodingOption, jsTicketTypeParam, post, secretParam, serverTokenParam } from "./flow/params.ts";
import { openplatformValues, type OpenplatformValues } from "./flow/values.ts";
import { openplatformScenarios } from "./scenarios.ts";
import { openplatformFixturesSchema, type OpenplatformFixtures } from "./schemas.ts";

export const openplatformFlow: Flow<OpenplatformValues, OpenplatformFixtures> = {
  contract: openplatformContract,
  values: openplatformValues,
  secretValues: ["secret", "code", "user_access_token", "refresh_token", "server_access_token", "js_ticket", "previous_js_ticket"],
  fixtures: openplatformFixturesSchema,
  scenarios: openplatformScenarios,
  steps: [
    {
      kind: "setup",
      id: "app",
      title: l("App setup: app_id and secret", "应用设置：app_id 与 secret"),
      explain: l(
        "The document gives only paths, no host and no credentials: the mock serves them under /mock/openplatform with an invented app, pre-filled from its fixtures. The document doesn't say how bodies are encoded either: every request step sends a form by default and offers JSON (the mock accepts both).",
        "文档只给出了路径，没有域名和凭据：模拟服务器在 /mock/openplatform 下提供这些接口，并使用虚构的应用（已按初始数据填好）。文档也没说请求体如何编码：每个请求步骤默认发送表单，也可切换为 JSON（模拟服务器两种都接受）。",
      ),
      quirks: ["no-host-no-content-type", "secret-name-space"],
      params: [appIdParam, secretParam],
      save: (ctx) => pickParams(ctx, "app_id", "secret"),
    },
    {
      kind: "http",
      id: "code",
      title: l("Login-free code from the page's JS", "由网页 JS 获取免登 code"),
      badges: ["simulated"],
      explain: l(
        "In the real flow the host app's JS API hands the page a temporary code for the signed-in user, without a login page (免登). The document only refers to it (“网页开发中的JS”), so the mock simulates it: POST /_sim/code with app_id and the user. The code is single-use and short-lived (5 minutes): both assumed, the document gives neither.",
        "真实流程中，宿主应用的 JS API 直接把已登录用户的临时授权码交给页面，不需要登录页（免登）。文档只提到了它（“网页开发中的JS”），因此由模拟服务器模拟：以 app_id 和用户 POST /_sim/code。code 只能使用一次，且有效期很短（5 分钟）：两者均为推测，文档都未给出。",
      ),
      options: [encodingOption],
      params: [
        appIdParam,
        {
          name: "username",
          explain: l("The user signed in to the host app (a fixture user: zhangsan or lisi).", "在宿主应用中已登录的用户（初始数据中的用户：zhangsan 或 lisi）。"),
          initial: (ctx) => ctx.fixtures?.users[0]?.username,
        },
      ],
      request: (ctx) => post("/_sim/code", { app_id: ctx.params.app_id ?? "", username: ctx.params.username ?? "" }, ctx.options.encoding),
      outcome: codeOutcome,
    },
    {
      kind: "http",
      id: "token",
      title: l("Exchange the code for open_id: /OAuth2/token", "用 code 换取 open_id：/OAuth2/token"),
      explain: l(
        "Send app_id, secret, grant_type=authorization_code and the code. The answer carries the user's open_id — what you actually need — and a user access_token. Note status: this example alone has the number 2000; every other answer has the string \"2000\", and failures the string \"4102\". The mock takes a code once (assumed: the document doesn't say): send it twice to see 4102.",
        "发送 app_id、secret、grant_type=authorization_code 和 code。响应中包含用户的 open_id（真正需要的东西）和用户 access_token。注意 status：只有这个示例是数字 2000；其他响应都是字符串 \"2000\"，失败则是字符串 \"4102\"。模拟服务器中 code 只能用一次（推测：文档未说明）：发送两次即可看到 4102。",
      ),
      doc: 'POST /OAuth2/token\n| `app_id` | 是 |开放平台提供更多应用 id|\n|` secret` | 是 |开放平台提供的密钥|\n| `grant_type` | 是 |此处恒为`authorization_code`|\n|`code`|是|此处为`网页开发中的JS`获取临时授权码的值|\n\n{\n  "status": 2000,\n  "message": "ok",\n  "data": { "open_id": "…", "access_token": "…", "expires_in": 7200, "refresh_token": "…", "scope": "sns_base" }\n}\n\n[danger]注意:此处获取的`access_token`在概念上和服务开发中获取的`access_token`不属于同一类`access_token`这里需要注意.',
      quirks: ["status-number-vs-string", "two-kinds-of-access-token"],
      options: [encodingOption],
      params: [
        appIdParam,
        secretParam,
        { name: "grant_type", required: true, explain: l("Always authorization_code.", "此处恒为 authorization_code。"), initial: () => "authorization_code" },
        { name: "code", required: true, secret: true, explain: l("The temporary code from the page's JS (the simulated step).", "网页开发中的 JS 获取的临时授权码（模拟步骤）。"), initial: (ctx) => ctx.values.code },
      ],
      request: (ctx) => post("/OAuth2/token", ctx.params, ctx.options.encoding),
      outcome: tokenOutcome,
    },
    {
      kind: "http",
      id: "server-token",
      title: l("Server access_token: /OAuth2/server_token", "服务器 access_token：/OAuth2/server_token"),
      badges: ["assumed"],
      explain: l(
        "The token /OAuth2/ticket needs, from the app's own app_id and secret: it is for the app's resources, unlike the user token of the previous step. The endpoint is the mock's, as the card below says.",
        "用应用自己的 app_id 和 secret 换取 /OAuth2/ticket 所需的 token：它用于操作应用相关资源，不同于上一步的用户 token。该接口由模拟服务器提供，见下方卡片。",
      ),
      quirks: ["server-token-undocumented", "two-kinds-of-access-token"],
      options: [encodingOption],
      params: [appIdParam, secretParam],
      request: (ctx) => post("/OAuth2/server_token", ctx.params, ctx.options.encoding),
      outcome: serverTokenOutcome,
    },
    {
      kind: "http",
      id: "ticket",
      title: l("Get a js_ticket: /OAuth2/ticket", "获取 js_ticket：/OAuth2/ticket"),
      explain: l(
        "The js_ticket signs the JS methods a page calls in core.config — treat it like a key. Send app_id, the server access_token (a user token is refused with “server_access_token is invalid”) and type=js_ticket. Reserve 128 characters of storage for the ticket.",
        "js_ticket 用于在网页开发中对 core.config 中当前页面调用的 JS 方法签名，相当于密钥。发送 app_id、服务器 access_token（用户 token 会被拒绝：“server_access_token is invalid”）和 type=js_ticket。请为 ticket 预留 128 位长度的存储空间。",
      ),
      doc: 'POST /OAuth2/ticket\n| `app_id` | 是 |开放平台提供更多应用 id|\n|` access_token` | 是 |`获取服务器access_token接口`中获取到的 access_token|\n| `type` | 是 |此处恒为`js_ticket`|\n\n{\n  "status": "2000",\n  "message": "ok",\n  "data": {\n    "ticket": "36bd5645fbadaf5e3ef4a889f0ac26ee14fa7ab0578e8e0108519a4706f2ab4c",\n    "expires_in": 7200 //有效期为7200秒\n  }\n}\n\n> [danger]注意:`ticket`请预留 128 位长度的存储空间.避免长度越界而产生错误',
      quirks: ["ticket-128-storage"],
      options: [encodingOption],
      params: [
        appIdParam,
        {
          ...serverTokenParam(l("The server access_token (not the user's).", "服务器 access_token（不是用户的）。")),
          check: (value, ctx) =>
            value === ctx.values.user_access_token ? l("This is the user access_token from /OAuth2/token: the ticket needs the server one.", "这是 /OAuth2/token 返回的用户 access_token：获取 ticket 需要服务器 access_token。") : undefined,
        },
        jsTicketTypeParam,
      ],
      request: (ctx) => post("/OAuth2/ticket", ctx.params, ctx.options.encoding),
      outcome: ticketOutcome,
    },
    {
      kind: "http",
      id: "rotate",
      // The previous ticket's 10-minute grace, as the mock's fixtures hold it.
      clockHint: (ctx) => ctx.fixtures?.settings.ticket_rotation_grace,
      title: l("Fetch a second js_ticket: the first one gets 10 minutes", "再获取一个 js_ticket：旧的只剩 10 分钟"),
      explain: l(
        "Fetching a ticket while the previous one is still valid doesn't revoke it: its remaining life is cut to 10 minutes, so pages signed with it keep working during the switch. This run fetches a new ticket, then asks /OAuth2/checkCode when each ticket expires, and shows both. Then advance the clock +10 min and check the previous ticket in the next step.",
        "在旧 ticket 仍有效时重新获取，并不会立即作废旧的：它的剩余有效时间被设为 10 分钟，用旧 ticket 签名的页面在切换期间仍可用。本次运行先获取新 ticket，再用 /OAuth2/checkCode 查询两个 ticket 的过期时间并一起显示。然后把时钟拨快 10 分钟，在下一步检测旧 ticket。",
      ),
      doc: "> 注意:获取的`js_ticket`失效前,重新获取后,之前的`js_ticket`将会将有效时间设置为`10分钟`,过期自动失效.避免`js_ticket`的更替产生调用错误.",
      quirks: ["ticket-rotation-grace"],
      options: [encodingOption],
      params: [
        appIdParam,
        serverTokenParam(),
        jsTicketTypeParam,
        {
          name: "previous_ticket",
          secret: true,
          explain: l("Not sent: the ticket in use so far, checked with /OAuth2/checkCode after the new one is issued.", "不发送：目前在用的 ticket，获取新 ticket 后用 /OAuth2/checkCode 检测。"),
          initial: (ctx) => ctx.values.js_ticket,
        },
      ],
      request: (ctx) => post("/OAuth2/ticket", { app_id: ctx.params.app_id ?? "", access_token: ctx.params.access_token ?? "", type: ctx.params.type ?? "" }, ctx.options.encoding),
      followUp: async (first, ctx, send) => {
        const issued = dataOf(ticketData, first.json);
        if (!issued) return [];
        const appId = ctx.params.app_id ?? "";
        const previous = ctx.params.previous_ticket ?? "";
        const checks: SentExchange[] = [];
        if (previous && previous !== issued.ticket) checks.push(await send(checkSpec(ctx, appId, "js_ticket", previous)));
        checks.push(await send(checkSpec(ctx, appId, "js_ticket", issued.ticket)));
        return checks;
      },
      outcome: rotateOutcome,
    },
    {
      kind: "http",
      id: "check-ticket",
      clockHint: (ctx) => ctx.fixtures?.settings.ticket_rotation_grace,
      title: l("checkCode: is the previous js_ticket still valid?", "checkCode：旧 js_ticket 还有效吗？"),
      explain: l(
        "POST /OAuth2/checkCode with type=js_ticket. Pre-filled with the previous (rotated) ticket: valid during the 10-minute grace, status \"4102\" after (the mock's message “js_ticket is invalid” is assumed: the document's only failure example reads “server_access_token is invalid”) — advance the clock +10 min and run again. Paste the new ticket to check that one. The answer's expires_in is the absolute Unix time of expiry, not a number of seconds: it is shown as a date.",
        "以 type=js_ticket 调用 POST /OAuth2/checkCode。已填入旧的（被替换的）ticket：10 分钟宽限期内有效，之后返回 status \"4102\"（模拟服务器的提示 “js_ticket is invalid” 为推测：文档唯一的失败示例写的是 “server_access_token is invalid”）——把时钟拨快 10 分钟后再运行。粘贴新 ticket 即可检测新的。响应中的 expires_in 是绝对的 Unix 过期时刻，不是秒数：这里显示为日期。",
      ),
      doc: checkCodeDoc,
      quirks: ["checkcode-absolute-expiry"],
      options: [encodingOption],
      params: [
        appIdParam,
        checkTypeParam("js_ticket"),
        { name: "code", required: true, secret: true, explain: l("The value to check (here: a ticket).", "要检测的 code 值（这里是 ticket）。"), initial: (ctx) => ctx.values.previous_js_ticket ?? ctx.values.js_ticket },
        { name: "open_id", explain: l("Only for a user access_token.", "仅检测用户 access_token 时必传。"), initial: () => "" },
      ],
      request: (ctx) => post("/OAuth2/checkCode", ctx.params, ctx.options.encoding),
      outcome: checkTicketOutcome,
    },
    {
      kind: "http",
      id: "check-token",
      title: l("checkCode: the user's access_token (open_id required)", "checkCode：用户 access_token（须传 open_id）"),
      explain: l(
        "type=access_token with the user access_token from /OAuth2/token. The table marks open_id “否” (not required), then says it is required for a user token: clear it to see the mock's status \"4102\" with “open_id is required” (that message is assumed; the document gives none). The answer's expires_in is again a timestamp.",
        "以 type=access_token 检测 /OAuth2/token 返回的用户 access_token。参数表把 open_id 标为“否”，又说检测用户 token 时必传：清空它即可看到模拟服务器返回 status \"4102\" 和 “open_id is required”（该提示为推测，文档未给出）。响应中的 expires_in 同样是时间戳。",
      ),
      doc: checkCodeDoc,
      quirks: ["open-id-conditionally-required", "checkcode-absolute-expiry"],
      options: [encodingOption],
      params: [
        appIdParam,
        checkTypeParam("access_token"),
        { name: "code", required: true, secret: true, explain: l("The user access_token from /OAuth2/token.", "/OAuth2/token 返回的用户 access_token。"), initial: (ctx) => ctx.values.user_access_token },
        {
          name: "open_id",
          explain: l("Marked optional, yet required when checking a user access_token.", "标为非必须，但检测用户 access_token 时必传。"),
          initial: (ctx) => ctx.values.open_id,
        },
      ],
      request: (ctx) => post("/OAuth2/checkCode", ctx.params, ctx.options.encoding),
      outcome: checkTokenOutcome,
    },
  ],
};
