import { l } from "../../core/i18n/localized.ts";
import type { ProviderContract } from "../../core/provider/contract.ts";
import { openplatformMeta } from "./meta.ts";
import { openplatformErrorSchema, openplatformFixturesSchema } from "./schemas.ts";

export const openplatformContract: ProviderContract = {
  ...openplatformMeta,
  schemas: { fixtures: openplatformFixturesSchema, errors: [openplatformErrorSchema] },
  secrets: {
    // previous_ticket is a js_ticket still in its grace period; open_id identifies a user to this app.
    fields: ["secret", "password", "code", "access_token", "refresh_token", "ticket", "js_ticket", "previous_ticket", "open_id"],
    singleUse: [{ field: "code", when: { grant_type: "authorization_code" } }],
  },
  examples: [
    {
      value: "bkNhRE1LN2FGb3pnWEJKS2l0MzZ0OCt3cVMwRkE0SXJTaDd6T2FNSWp0UjhhMUt1N29Db3ltcEZabXFMaGp0d0c1WDU3czk5QVkwbmlTSHVoblZ0elZoMWhXT2tFYW1FSElzaFZuU3VRSWhzM1VKd3RxL3ozSU1rUWMwaUt2TGk4OHA5c21lS3pRTmV1YTRRTEJ6L0c1N3pyU3NVYlUwM01qd203WTRVUDZBPQ",
      fields: ["open_id"],
      kind: "sample",
      source: '"open_id": "bkNhRE1LN2FGb3pnWEJKS2l0MzZ0OCt3cVMwRkE0SXJTaDd6T2FNSWp0UjhhMUt1N29Db3ltcEZabXFMaGp0d0c1WDU3czk5QVkwbmlTSHVoblZ0elZoMWhXT2tFYW1FSElzaFZuU3VRSWhzM1VKd3RxL3ozSU1rUWMwaUt2TGk4OHA5c21lS3pRTmV1YTRRTEJ6L0c1N3pyU3NVYlUwM01qd203WTRVUDZBPQ",',
    },
    { value: "5cc928f1eadd0a25bf18e08269c2309741e94b0b51585d987d24488331ca50de", fields: ["access_token", "code"], kind: "sample", source: '"access_token": "5cc928f1eadd0a25bf18e08269c2309741e94b0b51585d987d24488331ca50de",' },
    { value: "1503c423d5303ccab35cb26792f403fcae48eec2bedca99b2e9259683f2a31ac", fields: ["refresh_token"], kind: "sample", source: '"refresh_token": "1503c423d5303ccab35cb26792f403fcae48eec2bedca99b2e9259683f2a31ac",' },
    { value: "36bd5645fbadaf5e3ef4a889f0ac26ee14fa7ab0578e8e0108519a4706f2ab4c", fields: ["ticket", "code", "previous_ticket"], kind: "sample", source: '"ticket": "36bd5645fbadaf5e3ef4a889f0ac26ee14fa7ab0578e8e0108519a4706f2ab4c",' },
  ],
  answers: [
    {
      request: { method: "POST", path: "/OAuth2/token" },
      status: 200,
      format: "json",
      example: {
        status: 2000,
        message: "ok",
        data: {
          open_id: "bkNhRE1LN2FGb3pnWEJKS2l0MzZ0OCt3cVMwRkE0SXJTaDd6T2FNSWp0UjhhMUt1N29Db3ltcEZabXFMaGp0d0c1WDU3czk5QVkwbmlTSHVoblZ0elZoMWhXT2tFYW1FSElzaFZuU3VRSWhzM1VKd3RxL3ozSU1rUWMwaUt2TGk4OHA5c21lS3pRTmV1YTRRTEJ6L0c1N3pyU3NVYlUwM01qd203WTRVUDZBPQ",
          access_token: "5cc928f1eadd0a25bf18e08269c2309741e94b0b51585d987d24488331ca50de",
          expires_in: 7200,
          refresh_token: "1503c423d5303ccab35cb26792f403fcae48eec2bedca99b2e9259683f2a31ac",
          scope: "sns_base",
        },
      },
      fixed: ["status", "message", "data.expires_in", "data.scope"],
      source: '"status": 2000,',
    },
    {
      request: { method: "POST", path: "/OAuth2/ticket" },
      status: 200,
      format: "json",
      example: { status: "2000", message: "ok", data: { ticket: "36bd5645fbadaf5e3ef4a889f0ac26ee14fa7ab0578e8e0108519a4706f2ab4c", expires_in: 7200 } },
      fixed: ["status", "message", "data.expires_in"],
      source: '"expires_in": 7200 //有效期为7200秒',
    },
    {
      // expires_in is an absolute Unix time here: only its type is the document's.
      request: { method: "POST", path: "/OAuth2/checkCode" },
      status: 200,
      format: "json",
      example: { status: "2000", message: "ok", data: { expires_in: 1654576906 } },
      fixed: ["status", "message"],
      source: '"expires_in": 1654576906',
    },
  ],
  paths: {
    simCode: "/_sim/code",
    token: "/OAuth2/token",
    serverToken: "/OAuth2/server_token",
    ticket: "/OAuth2/ticket",
    checkCode: "/OAuth2/checkCode",
  },
  quirks: [
    {
      id: "status-number-vs-string",
      title: l("status: the number 2000 from /OAuth2/token, the string \"2000\" everywhere else", "status：/OAuth2/token 返回数字 2000，其他接口返回字符串 \"2000\""),
      detail: l(
        "/OAuth2/token's success example has \"status\": 2000 (a number); /OAuth2/ticket and /OAuth2/checkCode answer \"status\": \"2000\" (a string). The mock reproduces both: compare with == or String(status) === \"2000\".",
        "/OAuth2/token 的成功示例是 \"status\": 2000（数字）；/OAuth2/ticket 与 /OAuth2/checkCode 返回 \"status\": \"2000\"（字符串）。模拟服务器原样复现：比较时用 == 或 String(status) === \"2000\"。",
      ),
      source: '"status": 2000,',
    },
    {
      id: "status-4102-string",
      title: l("Every failure is the string \"4102\"", "所有失败都是字符串 \"4102\""),
      detail: l(
        "Failures carry status \"4102\" (a string) with data [] (an array, where success has an object). The document adds that any other non-2000 status is also an error. No HTTP status is documented: the mock answers envelope errors with HTTP 200 (assumed).",
        "失败时 status 为 \"4102\"（字符串），data 为 []（数组，而成功时为对象）。文档还说其他非 2000 的 status 也是错误。文档未说明 HTTP 状态码：模拟服务器对这类错误响应返回 HTTP 200（推测）。",
      ),
      source: "[danger]无效返回的则是`status`为`4102`,其他非`2000`则为错误",
    },
    {
      id: "checkcode-absolute-expiry",
      title: l("checkCode's expires_in is a Unix timestamp, not a duration", "checkCode 的 expires_in 是 Unix 时间戳，不是时长"),
      detail: l(
        "Everywhere else expires_in is 7200 seconds; here the same name holds the absolute expiry time (1654576906 = 2022-06-07). Read as seconds from now, it would be about 52 years.",
        "其他地方 expires_in 是 7200 秒；这里同名字段却是绝对的过期时刻（1654576906 即 2022-06-07）。若当作从现在起的秒数，会得到约 52 年。",
      ),
      source: '"expires_in": 1654576906',
    },
    {
      id: "server-token-undocumented",
      title: l("The server access_token endpoint is not documented", "服务器 access_token 接口没有文档"),
      detail: l(
        "/OAuth2/ticket needs an access_token from “获取服务器access_token接口”, which the document never describes. The mock offers POST /OAuth2/server_token (app_id, secret) in the same envelope: assumed (not in the source document).",
        "/OAuth2/ticket 需要“获取服务器access_token接口”返回的 access_token，但文档从未描述该接口。模拟服务器提供 POST /OAuth2/server_token（app_id、secret），使用同样的响应格式：推测（不在源文档中）。",
      ),
      source: "`获取服务器access_token接口`中获取到的 access_token",
    },
    {
      id: "two-kinds-of-access-token",
      title: l("Two different access_tokens", "两种不同的 access_token"),
      detail: l(
        "The user access_token from /OAuth2/token is not the server access_token: /OAuth2/ticket refuses a user token with “server_access_token is invalid”.",
        "/OAuth2/token 返回的用户 access_token 不是服务器 access_token：把用户 token 传给 /OAuth2/ticket 会得到 “server_access_token is invalid”。",
      ),
      source: "此处获取的`access_token`在概念上和服务开发中获取的`access_token`不属于同一类`access_token`",
    },
    {
      id: "user-token-unusable",
      title: l("The user access_token and refresh_token are of no use yet", "用户 access_token 和 refresh_token 暂时无用"),
      detail: l(
        "They cannot update user info and no refresh call is documented; what matters is open_id. Fetch user info through the separate user resource API.",
        "它们不能用于更新用户信息，也没有文档化的刷新接口；有用的是 open_id。获取用户信息请使用单独的用户资源接口。",
      ),
      source: "此处的`access_token`和`refresh_token`暂时无用,无法用用于更新用户信息",
    },
    {
      id: "ticket-rotation-grace",
      title: l("A new js_ticket cuts the old one to 10 minutes", "获取新 js_ticket 后旧的只剩 10 分钟"),
      detail: l(
        "Fetching a ticket while the previous one is still valid does not revoke it: the old one lives at most 10 more minutes (never longer than it had left). Pages signed with it keep working during the switch.",
        "在旧 ticket 仍有效时获取新 ticket 并不会立即作废旧的：旧 ticket 最多再有效 10 分钟（不会超过其原本剩余时间）。用旧 ticket 签名的页面在切换期间仍可用。",
      ),
      source: "获取的`js_ticket`失效前,重新获取后,之前的`js_ticket`将会将有效时间设置为`10分钟`,过期自动失效.",
    },
    {
      id: "ticket-128-storage",
      title: l("Reserve 128 characters for the ticket", "为 ticket 预留 128 位长度"),
      detail: l(
        "The document's example ticket is 64 hex characters, but the document asks for 128 characters of storage so a longer ticket doesn't overflow the column.",
        "文档示例中的 ticket 是 64 个十六进制字符，但文档要求预留 128 位长度的存储空间，以免更长的 ticket 越界。",
      ),
      source: "`ticket`请预留 128 位长度的存储空间.避免长度越界而产生错误",
    },
    {
      id: "open-id-conditionally-required",
      title: l("open_id is “optional” but required for user tokens", "open_id 标为“否”，但检测用户 token 时必传"),
      detail: l(
        "The table marks open_id as not required, then says it is required when the code being checked is a user's access_token. Without it the mock answers 4102 “open_id is required”.",
        "参数表把 open_id 标为非必须，又说检测用户授权 access_token 时必传。缺少它时模拟服务器返回 4102 “open_id is required”。",
      ),
      source: "此处当检测的是用户的授权`access_token`时,才是必传的值",
    },
    {
      id: "checkcode-error-example",
      title: l("checkCode's error example talks about the server token", "checkCode 的错误示例说的是服务器 token"),
      detail: l(
        "Its only error example is “server_access_token is invalid”, whatever was checked. The mock gives that message for an invalid access_token checked without open_id, and “js_ticket is invalid” / “access_token is invalid” for the other cases.",
        "它唯一的错误示例是 “server_access_token is invalid”，与检测对象无关。模拟服务器对不带 open_id 检测的无效 access_token 返回这句，其他情况返回 “js_ticket is invalid” / “access_token is invalid”。",
      ),
      source: '"message": "server_access_token is invalid",',
    },
    {
      id: "secret-name-space",
      title: l("The tables write the names as “␣secret”, with a space", "参数表把名字写成了带空格的“␣secret”"),
      detail: l(
        "The parameter names “␣secret”, “␣access_token” and “␣type” carry a stray leading space (␣) inside the backticks; the real names have none.",
        "参数名“␣secret”、“␣access_token”、“␣type”的反引号内多了一个前导空格（␣）；真实参数名没有空格。",
      ),
      source: "|` secret` | 是 |开放平台提供的密钥|",
    },
    {
      id: "no-host-no-content-type",
      title: l("No host and no body encoding are given", "文档没有给出域名和请求体编码"),
      detail: l(
        "Only paths are documented. The mock accepts both application/x-www-form-urlencoded and JSON bodies (assumed); the playground sends a form by default.",
        "文档只给出了路径。模拟服务器同时接受 application/x-www-form-urlencoded 与 JSON 请求体（推测）；演练场默认发送表单。",
      ),
      source: "`POST /OAuth2/token`",
    },
  ],
  errors: [
    {
      match: { fields: { status: "4102", message: "authorization_code is invalid" } },
      cause: l("The code is unknown, expired (5 minutes in the mock, assumed) or already used; a replay also revokes the tokens it gave.", "code 无效、已过期（模拟服务器中为 5 分钟，推测）或已被使用；重复使用还会吊销它换取的 token。"),
      fix: l("Get a fresh code from the page's JS (simulated step) and exchange it once.", "从页面 JS 重新获取 code（模拟步骤），并只兑换一次。"),
      source: "`code`|是|此处为`网页开发中的JS`获取临时授权码的值|",
    },
    {
      match: { fields: { status: "4102", message: "server_access_token is invalid" } },
      cause: l("The access_token is not a live server access_token of this app (expired, unknown, or a user token).", "access_token 不是本应用有效的服务器 access_token（已过期、无效，或是用户 token）。"),
      fix: l("Fetch a server access_token (assumed endpoint /OAuth2/server_token) and send that.", "获取服务器 access_token（推测的接口 /OAuth2/server_token）并发送它。"),
      source: "`获取服务器access_token接口`中获取到的 access_token",
    },
    {
      match: { fields: { status: "4102", message: "js_ticket is invalid" } },
      cause: l("The ticket is unknown or expired; a replaced ticket lives only 10 more minutes.", "ticket 无效或已过期；被替换的 ticket 只再有效 10 分钟。"),
      fix: l("Use the newest ticket from /OAuth2/ticket.", "使用 /OAuth2/ticket 返回的最新 ticket。"),
      source: "之前的`js_ticket`将会将有效时间设置为`10分钟`,过期自动失效.",
    },
    {
      match: { fields: { status: "4102", message: /^open_id is required/ } },
      cause: l("A user access_token was checked without its open_id.", "检测用户 access_token 时没有传 open_id。"),
      fix: l("Send the open_id returned with that access_token.", "发送与该 access_token 一同返回的 open_id。"),
      source: "此处当检测的是用户的授权`access_token`时,才是必传的值",
    },
    {
      match: { fields: { status: "4102", message: /^(access_token is invalid|open_id does not match)/ } },
      cause: l("The user access_token is unknown, expired (7200 s), revoked by a code replay, or belongs to another open_id.", "用户 access_token 无效、已过期（7200 秒）、因 code 重放被吊销，或属于另一个 open_id。"),
      fix: l("Get a new login-free code and exchange it again.", "重新获取免登 code 并再次兑换。"),
    },
    {
      match: { fields: { status: "4102", message: /^(app_id|secret) is invalid/ } },
      cause: l("Unknown app_id, or the secret does not belong to it.", "app_id 不存在，或 secret 与之不匹配。"),
      fix: l("Use the app_id and secret the open platform issued (see the fixtures).", "使用开放平台签发的 app_id 与 secret（见初始数据）。"),
      source: "|` secret` | 是 |开放平台提供的密钥|",
    },
    {
      match: { fields: { status: "4102", message: /(is required|must not be repeated|must be|not supported|malformed|too large)/ } },
      cause: l("The request is incomplete or malformed: a parameter is missing, repeated or has the wrong fixed value, or the body is not a form/JSON.", "请求不完整或格式错误：参数缺失、重复或固定值不对，或请求体不是表单/JSON。"),
      fix: l("Send every required parameter once, as a form or JSON body (grant_type=authorization_code, type=js_ticket).", "以表单或 JSON 请求体发送每个必需参数各一次（grant_type=authorization_code、type=js_ticket）。"),
    },
  ],
};
