import { l } from "../../core/i18n/localized.ts";
import type { Scenario, ScenarioAction } from "../../core/scenario/types.ts";
import type { OpenplatformValues } from "./flow/values.ts";
import type { OpenplatformFixtures } from "./schemas.ts";

const setup: ScenarioAction<OpenplatformValues, OpenplatformFixtures> = { kind: "run", step: "app" };
const code: ScenarioAction<OpenplatformValues, OpenplatformFixtures> = { kind: "run", step: "code" };
const token: ScenarioAction<OpenplatformValues, OpenplatformFixtures> = { kind: "run", step: "token" };
const serverToken: ScenarioAction<OpenplatformValues, OpenplatformFixtures> = { kind: "run", step: "server-token" };
const ticket: ScenarioAction<OpenplatformValues, OpenplatformFixtures> = { kind: "run", step: "ticket" };

/** What really goes wrong with seed 004, each reproducible from a clean mock. */
export const openplatformScenarios: Scenario<OpenplatformValues, OpenplatformFixtures>[] = [
  {
    id: "replayed-code",
    shows: "authorization_code is invalid",
    title: l("Login-free code used twice → 4102", "免登 code 被使用两次 → 4102"),
    symptom: l("The second POST /OAuth2/token answers HTTP 200 with {\"status\": \"4102\", \"message\": \"authorization_code is invalid\", \"data\": []}; the first exchange's access_token stops working.", "第二次 POST /OAuth2/token 返回 HTTP 200 和 {\"status\": \"4102\", \"message\": \"authorization_code is invalid\", \"data\": []}；第一次换到的 access_token 也失效了。"),
    cause: l("The code is single-use. A page reload, a retry or a second request from the front end sent the same code again; the mock also revokes what the code gave.", "code 只能使用一次。页面刷新、重试或前端的第二次请求再次发送了同一个 code；模拟服务器还会吊销该 code 换取的 token。"),
    fix: l("Exchange each code once on the server, keep the open_id in your session, and get a new code from the JS API for the next login.", "在服务器端只兑换一次 code，把 open_id 保存在会话中，下次登录时再从 JS API 获取新的 code。"),
    source: '"message": "authorization_code is invalid",',
    failingStep: "token",
    script: [setup, code, token, token],
  },
  {
    id: "expired-code",
    shows: "authorization_code is invalid",
    title: l("Login-free code expired before the exchange", "免登 code 在兑换前已过期"),
    symptom: l("POST /OAuth2/token answers status \"4102\" “authorization_code is invalid” although the code was never used.", "POST /OAuth2/token 返回 status \"4102\" “authorization_code is invalid”，尽管 code 从未被使用。"),
    cause: l("The code is temporary; it lives 5 minutes on this mock (assumed: the document gives no lifetime). The page held it (or the server queued it) and the virtual clock moved 301 s.", "code 是临时的；本模拟服务器中有效期为 5 分钟（推测：文档未给出有效期）。页面持有它（或服务器排队处理）期间虚拟时钟前进了 301 秒。"),
    fix: l("Send the code to your server and exchange it right away; on 4102 get a fresh code from the JS API.", "拿到 code 后立即发给服务器兑换；遇到 4102 时从 JS API 重新获取 code。"),
    source: "|`code`|是|此处为`网页开发中的JS`获取临时授权码的值|",
    failingStep: "token",
    script: [setup, code, { kind: "advanceClock", seconds: 301 }, token],
  },
  {
    id: "wrong-secret",
    shows: "secret is invalid",
    title: l("Wrong secret", "secret 错误"),
    symptom: l("POST /OAuth2/token answers HTTP 200 with status \"4102\" “secret is invalid” — a failure that an HTTP-status check does not catch.", "POST /OAuth2/token 返回 HTTP 200 和 status \"4102\" “secret is invalid”——只检查 HTTP 状态码是发现不了的。"),
    cause: l("The secret lost its last character when copied (or belongs to another app_id).", "复制 secret 时少了最后一个字符（或用了另一个 app_id 的 secret）。"),
    fix: l("Copy the secret the open platform issued for this app_id again, whole; check status, not the HTTP code.", "重新完整复制开放平台为该 app_id 提供的 secret；判断 status，而不是 HTTP 状态码。"),
    source: "|` secret` | 是 |开放平台提供的密钥|",
    failingStep: "token",
    script: [setup, code, { kind: "edit", step: "token", param: "secret", derive: (ctx) => (ctx.params.secret ?? "").slice(0, -1) }, token],
  },
  {
    id: "user-token-for-ticket",
    shows: "server_access_token is invalid",
    title: l("js_ticket requested with the user's access_token", "用用户 access_token 获取 js_ticket"),
    symptom: l("POST /OAuth2/ticket answers status \"4102\" “server_access_token is invalid”, although the token was just issued.", "POST /OAuth2/ticket 返回 status \"4102\" “server_access_token is invalid”，尽管该 token 刚刚签发。"),
    cause: l("The access_token from /OAuth2/token is a user token; /OAuth2/ticket needs the server access_token (获取服务器access_token接口). Both are called access_token.", "/OAuth2/token 返回的 access_token 是用户 token；/OAuth2/ticket 需要服务器 access_token（获取服务器access_token接口）。两者都叫 access_token。"),
    fix: l("Get a server access_token with app_id and secret (here /OAuth2/server_token, assumed) and send that one.", "用 app_id 与 secret 获取服务器 access_token（这里是推测的 /OAuth2/server_token），并发送它。"),
    source: "> [danger]注意:此处获取的`access_token`在概念上和服务开发中获取的`access_token`不属于同一类`access_token`这里需要注意.服务器`access_token`主要是用来获取和操作应用相关的资源.而用户的`access_token`是用来操作用户相关资源的凭证.",
    failingStep: "ticket",
    script: [setup, code, token, { kind: "edit", step: "ticket", param: "access_token", derive: (ctx) => ctx.values.user_access_token ?? "" }, ticket],
  },
  {
    id: "stale-ticket-after-grace",
    shows: "js_ticket is invalid",
    title: l("Previous js_ticket used after its 10-minute grace", "旧 js_ticket 在 10 分钟宽限期后仍被使用"),
    symptom: l("Pages signed with the old ticket start failing; /OAuth2/checkCode answers status \"4102\" “js_ticket is invalid” although it was issued less than 7200 s ago.", "用旧 ticket 签名的页面开始出错；/OAuth2/checkCode 返回 status \"4102\" “js_ticket is invalid”，尽管它签发还不到 7200 秒。"),
    cause: l("Another server (or a cron job) fetched a new js_ticket; the previous one was cut to 10 minutes, and a cache kept using it after that.", "另一台服务器（或定时任务）获取了新的 js_ticket；旧的被缩短为 10 分钟，而缓存在此之后仍在使用它。"),
    fix: l("Fetch the ticket in one place and share it; after a refresh, switch every server to the new ticket within 10 minutes.", "只在一处获取 ticket 并共享；刷新后在 10 分钟内让所有服务器切换到新 ticket。"),
    source: "> 注意:获取的`js_ticket`失效前,重新获取后,之前的`js_ticket`将会将有效时间设置为`10分钟`,过期自动失效.避免`js_ticket`的更替产生调用错误.",
    failingStep: "check-ticket",
    script: [setup, serverToken, ticket, { kind: "run", step: "rotate" }, { kind: "advanceClock", seconds: 601 }, { kind: "run", step: "check-ticket" }],
  },
  {
    id: "checkcode-without-open-id",
    shows: "open_id is required",
    title: l("checkCode for a user access_token without open_id", "检测用户 access_token 时没传 open_id"),
    symptom: l("POST /OAuth2/checkCode with type=access_token answers status \"4102\" “open_id is required when checking a user access_token”.", "以 type=access_token 调用 POST /OAuth2/checkCode 返回 status \"4102\" “open_id is required when checking a user access_token”。"),
    cause: l("The table marks open_id “否” (not required), but the same row says it is required when the code is a user's access_token.", "参数表把 open_id 标为“否”（非必须），同一行却说检测用户的授权 access_token 时必传。"),
    fix: l("Send the open_id that /OAuth2/token returned with the user access_token.", "发送 /OAuth2/token 与该用户 access_token 一起返回的 open_id。"),
    source: "| `open_id` | 否 |此处当检测的是用户的授权`access_token`时,才是必传的值|",
    failingStep: "check-token",
    script: [setup, code, token, { kind: "edit", step: "check-token", param: "open_id", value: "" }, { kind: "run", step: "check-token" }],
  },
  {
    id: "server-token-expired",
    shows: "server_access_token is invalid",
    title: l("Cached server access_token expired", "缓存的服务器 access_token 已过期"),
    symptom: l("After 2 hours, POST /OAuth2/ticket answers status \"4102\" “server_access_token is invalid” with a token that used to work.", "2 小时后，POST /OAuth2/ticket 对之前可用的 token 返回 status \"4102\" “server_access_token is invalid”。"),
    cause: l("The server access_token was cached without its expiry; it lives 7200 s (assumed like the other tokens) and the virtual clock moved past it.", "缓存服务器 access_token 时没有记录过期时间；它的有效期为 7200 秒（按其他 token 推测），虚拟时钟已拨过。"),
    fix: l("Store expires_in with the token and fetch a new server access_token before it runs out, or on 4102.", "随 token 保存 expires_in，在过期前或遇到 4102 时重新获取服务器 access_token。"),
    source: "|` access_token` | 是 |`获取服务器access_token接口`中获取到的 access_token|",
    failingStep: "ticket",
    script: [setup, serverToken, { kind: "advanceClock", seconds: 7201 }, ticket],
  },
  {
    id: "checkcode-wrong-type",
    shows: "server_access_token is invalid",
    title: l("checkCode of a js_ticket with type=access_token", "用 type=access_token 检测 js_ticket"),
    symptom: l("A js_ticket that was just issued is reported as status \"4102\" “server_access_token is invalid” — the document's own error example.", "刚签发的 js_ticket 被报告为 status \"4102\" “server_access_token is invalid”——正是文档中的错误示例。"),
    cause: l("type says what the code is; with type=access_token the ticket is looked up as a token, and no token has that value.", "type 说明 code 是什么；type=access_token 时 ticket 被当作 token 查找，而没有哪个 token 是这个值。"),
    fix: l("Send type=js_ticket for tickets and type=access_token for tokens (plus open_id for a user token).", "检测 ticket 时发送 type=js_ticket，检测 token 时发送 type=access_token（用户 token 还要带 open_id）。"),
    source: "|` type` | 是 |当检测`code`类型为`access_token`则为`access_token`,如果类型为`js_ticket`,则为`js_ticket`|",
    failingStep: "check-ticket",
    script: [setup, serverToken, ticket, { kind: "edit", step: "check-ticket", param: "type", value: "access_token" }, { kind: "run", step: "check-ticket" }],
  },
];
