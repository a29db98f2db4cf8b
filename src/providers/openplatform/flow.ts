import { l, type Localized } from "../../core/i18n/localized.ts";
import { encodeParams } from "../../core/wizard/engine.ts";
import { fieldFacts, pickParams } from "../../core/wizard/helpers.ts";
import type { Fact, Flow, Outcome, ParamSpec, RequestSpec, SentExchange, StepContext, StepOption, Values } from "../../core/wizard/types.ts";
import { openplatformContract } from "./contract.ts";
import { openplatformScenarios } from "./scenarios.ts";

/** The provider's slice of GET /mock/_control/fixtures (never imported from fixtures.ts: that is server code). */
interface OpenplatformFixture {
  clients: Array<{ app_id: string; secret: string; name: string }>;
  users: Array<{ username: string; password: string; open_id: string }>;
  settings?: { code_validity?: number; access_token_validity?: number; ticket_validity?: number; ticket_rotation_grace?: number };
}
const BASE = openplatformContract.mockBase;
const fixture = (ctx: { fixtures: unknown }) => ctx.fixtures as OpenplatformFixture | undefined;
const firstApp = (ctx: { fixtures: unknown }) => fixture(ctx)?.clients[0];
const grace = (ctx: { fixtures: unknown }) => fixture(ctx)?.settings?.ticket_rotation_grace ?? 600;

// ---- body encoding: the document names no content type; form by default, JSON on request ------------

const encodingOption: StepOption = {
  id: "encoding",
  label: l("Body encoding (the document does not say)", "请求体编码（文档未说明）"),
  choices: [
    { value: "form", label: l("Form", "表单"), explain: l("application/x-www-form-urlencoded (default)", "application/x-www-form-urlencoded（默认）") },
    { value: "json", label: l("JSON", "JSON"), explain: l("application/json; the mock accepts both (assumed)", "application/json；mock 两种都接受（推测）") },
  ],
};

function post(path: string, params: Values, encoding: string | undefined): RequestSpec {
  const url = `${BASE}${path}`;
  if (encoding === "json") {
    const body = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== ""));
    return { method: "POST", url, headers: [["Content-Type", "application/json"], ["Accept", "application/json"]], body: JSON.stringify(body) };
  }
  return { method: "POST", url, headers: [["Content-Type", "application/x-www-form-urlencoded"], ["Accept", "application/json"]], body: encodeParams(params) };
}

// ---- the envelope: {status, message, data} ----------------------------------------------------------

interface Envelope {
  status: unknown;
  message: unknown;
  data: unknown;
}
const envelope = (json: unknown): Envelope | undefined =>
  typeof json === "object" && json !== null && "status" in json ? (json as Envelope) : undefined;
/** "2000" or 2000: the document uses both. */
const isOk = (json: unknown) => String(envelope(json)?.status) === "2000";
const data = <T>(json: unknown) => envelope(json)?.data as T;

const statusFact = (json: unknown): Fact => {
  const status = envelope(json)?.status;
  const kind = typeof status;
  const note: Localized | undefined =
    kind === "number"
      ? l("A number here (the document's /OAuth2/token example); the string \"2000\" everywhere else: compare with String(status) === \"2000\".", "这里是数字（文档 /OAuth2/token 示例）；其他地方都是字符串 \"2000\"：比较时用 String(status) === \"2000\"。")
      : status === "2000"
        ? l("A string here; /OAuth2/token answers the number 2000: compare with String(status) === \"2000\".", "这里是字符串；/OAuth2/token 返回的是数字 2000：比较时用 String(status) === \"2000\"。")
        : l("Every failure is the string \"4102\"; any other non-2000 status is an error too.", "所有失败都是字符串 \"4102\"；其他非 2000 的 status 也是错误。");
  return { label: `status (${kind})`, value: kind === "string" ? `"${String(status)}"` : String(status), note };
};

/** Facts for the whole envelope: status with its JSON type, message, then data's fields. */
function envelopeFacts(json: unknown, notes: Record<string, Localized> = {}, expiry: string[] = []): Fact[] {
  const env = envelope(json);
  if (!env) return fieldFacts(json);
  const inner = fieldFacts(env.data, notes, expiry).map((f) => ({ ...f, label: `data.${String(f.label)}` }));
  const dataFact: Fact[] = Array.isArray(env.data) ? [{ label: "data (array)", value: JSON.stringify(env.data), note: l("An empty array on failure, an object on success.", "失败时是空数组，成功时是对象。") }] : [];
  return [statusFact(json), { label: "message", value: String(env.message) }, ...dataFact, ...inner];
}

/** A failed envelope (status "4102" with HTTP 200) or a transport error. */
function failure(response: { status: number; statusText: string } | undefined, json: unknown, extra: Partial<Outcome> = {}): Outcome {
  const env = envelope(json);
  const text = env ? `status ${JSON.stringify(env.status)}: ${String(env.message)}` : response ? `HTTP ${response.status} ${response.statusText}` : "No request was sent";
  return { status: "error", summary: l(text, text), facts: envelopeFacts(json), quirks: ["status-4102-string"], ...extra };
}

// ---- parameters ---------------------------------------------------------------------------------------

const appIdParam: ParamSpec = {
  name: "app_id",
  required: true,
  explain: l("Required. The app id the open platform issued.", "必须。开放平台提供的应用 id。"),
  initial: (ctx) => ctx.values.app_id ?? firstApp(ctx)?.app_id,
};
const secretParam: ParamSpec = {
  name: "secret",
  required: true,
  secret: true,
  explain: l("Required. The secret the open platform issued (the table writes “` secret`” with a stray space).", "必须。开放平台提供的密钥（参数表写成了带空格的 “` secret`”）。"),
  initial: (ctx) => ctx.values.secret ?? firstApp(ctx)?.secret,
};

const expiresAtFact = (label: string, value: unknown, ctx: StepContext, note?: Localized): Fact => {
  const at = Number(value);
  const left = ctx.now !== undefined && Number.isFinite(at) ? at - ctx.now : undefined;
  const leftText = left === undefined ? "" : ` (≈ ${Math.round(left / 60)} min / ${left} s left)`;
  const leftZh = left === undefined ? "" : `（约剩 ${Math.round(left / 60)} 分钟 / ${left} 秒）`;
  return {
    label,
    value: String(value),
    unixTime: true,
    note: note
      ? l(`${note.en}${leftText}.`, `${note.zh}${leftZh}。`)
      : l(`An absolute Unix timestamp, not a duration${leftText}.`, `这是绝对的 Unix 时间戳，不是时长${leftZh}。`),
  };
};

const ticketFacts = (json: unknown): Fact[] =>
  envelopeFacts(
    json,
    {
      ticket: l("64 characters today, but reserve 128 characters of storage, as the document asks.", "目前 64 个字符，但请按文档要求预留 128 位长度的存储空间。"),
      expires_in: l("Seconds (7200), unlike checkCode's expires_in, which is a timestamp.", "单位为秒（7200），与 checkCode 中作为时间戳的 expires_in 不同。"),
    },
    ["expires_in"],
  );

const ticketSpec = (ctx: StepContext, appId: string, accessToken: string) => post("/OAuth2/ticket", { app_id: appId, access_token: accessToken, type: "js_ticket" }, ctx.options.encoding);
const checkSpec = (ctx: StepContext, appId: string, type: string, code: string) => post("/OAuth2/checkCode", { app_id: appId, type, code }, ctx.options.encoding);

const checkCodeDoc =
  "POST /OAuth2/checkCode\n| `app_id` | 是 |开放平台提供更多应用 id|\n|` type` | 是 |当检测`code`类型为`access_token`则为`access_token`,如果类型为`js_ticket`,则为`js_ticket`|\n| `code` | 是 |要检测的`code`值|\n| `open_id` | 否 |此处当检测的是用户的授权`access_token`时,才是必传的值|\n\n{\n  \"status\": \"2000\",\n  \"message\": \"ok\",\n  \"data\": {\n    \"expires_in\": 1654576906\n  }\n}";

// ---- the flow -----------------------------------------------------------------------------------------

export const openplatformFlow: Flow = {
  contract: openplatformContract,
  scenarios: openplatformScenarios,
  steps: [
    {
      kind: "setup",
      id: "app",
      title: l("App setup: app_id and secret", "应用设置：app_id 与 secret"),
      explain: l(
        "The document gives only paths, no host and no credentials: the mock serves them under /mock/openplatform with an invented app, pre-filled from its fixtures. The document doesn't say how bodies are encoded either: every request step sends a form by default and offers JSON (the mock accepts both).",
        "文档只给出了路径，没有域名和凭据：mock 在 /mock/openplatform 下提供这些接口，并使用虚构的应用（已按初始数据填好）。文档也没说请求体如何编码：每个请求步骤默认发送表单，也可切换为 JSON（mock 两种都接受）。",
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
        "In the real flow the host app's JS API hands the page a temporary code for the signed-in user, without a login page (免登). The document only refers to it (“网页开发中的JS”), so the mock simulates it: POST /_sim/code with app_id and the user. The code is single-use and short-lived (5 minutes, assumed).",
        "真实流程中，宿主应用的 JS API 直接把已登录用户的临时授权码交给页面，不需要登录页（免登）。文档只提到了它（“网页开发中的JS”），因此 mock 对其进行模拟：以 app_id 和用户 POST /_sim/code。code 只能使用一次，且有效期很短（5 分钟，推测）。",
      ),
      options: [encodingOption],
      defaults: { encoding: "form" },
      params: [
        appIdParam,
        {
          name: "username",
          explain: l("The user signed in to the host app (a fixture user: zhangsan or lisi).", "在宿主应用中已登录的用户（fixtures 用户：zhangsan 或 lisi）。"),
          initial: (ctx) => fixture(ctx)?.users[0]?.username,
        },
      ],
      request: (ctx) => post("/_sim/code", { app_id: ctx.params.app_id ?? "", username: ctx.params.username ?? "" }, ctx.options.encoding),
      outcome: (response, json) => {
        const body = json as { code?: string } | undefined;
        if (response?.status !== 200 || !body?.code) return failure(response, json);
        return {
          status: "success",
          summary: l("Got a login-free code (simulated host-app JS).", "拿到免登 code（模拟的宿主应用 JS）。"),
          values: { code: body.code },
          facts: fieldFacts(json, { expires_in: l("Assumed: the document gives no code lifetime.", "推测：文档未给出 code 的有效期。") }, ["expires_in"]),
        };
      },
    },
    {
      kind: "http",
      id: "token",
      title: l("Exchange the code for open_id: /OAuth2/token", "用 code 换取 open_id：/OAuth2/token"),
      explain: l(
        "Send app_id, secret, grant_type=authorization_code and the code. The answer carries the user's open_id — what you actually need — and a user access_token. Note status: this example alone has the number 2000; every other answer has the string \"2000\", and failures the string \"4102\". The code is single-use: send it twice to see 4102.",
        "发送 app_id、secret、grant_type=authorization_code 和 code。响应中包含用户的 open_id（真正需要的东西）和用户 access_token。注意 status：只有这个示例是数字 2000；其他响应都是字符串 \"2000\"，失败则是字符串 \"4102\"。code 只能用一次：发送两次即可看到 4102。",
      ),
      doc: 'POST /OAuth2/token\n| `app_id` | 是 |开放平台提供更多应用 id|\n|` secret` | 是 |开放平台提供的密钥|\n| `grant_type` | 是 |此处恒为`authorization_code`|\n|`code`|是|此处为`网页开发中的JS`获取临时授权码的值|\n\n{\n  "status": 2000,\n  "message": "ok",\n  "data": { "open_id": "…", "access_token": "…", "expires_in": 7200, "refresh_token": "…", "scope": "sns_base" }\n}\n\n[danger]注意:此处获取的`access_token`在概念上和服务开发中获取的`access_token`不属于同一类`access_token`这里需要注意.',
      quirks: ["status-number-vs-string", "two-kinds-of-access-token"],
      options: [encodingOption],
      defaults: { encoding: "form" },
      params: [
        appIdParam,
        secretParam,
        { name: "grant_type", required: true, explain: l("Required. Always authorization_code.", "必须。此处恒为 authorization_code。"), initial: () => "authorization_code" },
        { name: "code", required: true, explain: l("Required. The temporary code from the page's JS (the simulated step).", "必须。网页开发中的 JS 获取的临时授权码（模拟步骤）。"), initial: (ctx) => ctx.values.code },
      ],
      request: (ctx) => post("/OAuth2/token", ctx.params, ctx.options.encoding),
      outcome: (response, json) => {
        if (!isOk(json)) {
          const replay = envelope(json)?.message === "authorization_code is invalid";
          return failure(
            response,
            json,
            replay
              ? {
                  summary: l(
                    'status "4102": authorization_code is invalid — the code was already used (or expired); a replay also revokes the token it gave.',
                    'status "4102"：authorization_code is invalid —— code 已被使用（或已过期）；重复使用还会吊销它换取的 token。',
                  ),
                }
              : {},
          );
        }
        const d = data<{ open_id: string; access_token: string; refresh_token: string }>(json);
        return {
          status: "success",
          summary: l("Got the user's open_id (status is the number 2000 here).", "拿到用户的 open_id（这里 status 是数字 2000）。"),
          values: { open_id: d.open_id, user_access_token: d.access_token, refresh_token: d.refresh_token },
          facts: envelopeFacts(
            json,
            {
              open_id: l("The user's id for this app: this is what the login-free flow is for.", "该用户在本应用下的 id：免登流程要的就是它。"),
              access_token: l(
                "A user token: it cannot update user info (暂时无用), and it is not the server access_token /OAuth2/ticket needs.",
                "用户 token：不能用于更新用户信息（暂时无用），也不是 /OAuth2/ticket 需要的服务器 access_token。",
              ),
              refresh_token: l("Of no use for now: no refresh call is documented.", "暂时无用：文档没有刷新接口。"),
            },
            ["expires_in"],
          ),
          quirks: ["status-number-vs-string", "user-token-unusable"],
        };
      },
    },
    {
      kind: "http",
      id: "server-token",
      title: l("Server access_token: /OAuth2/server_token", "服务器 access_token：/OAuth2/server_token"),
      badges: ["assumed"],
      explain: l(
        "/OAuth2/ticket needs the access_token of “获取服务器access_token接口”, which the document never describes. The mock offers POST /OAuth2/server_token with app_id and secret, in the same envelope: assumed (not in the source document). This token is for the app's resources, unlike the user token of the previous step.",
        "/OAuth2/ticket 需要“获取服务器access_token接口”返回的 access_token，但文档从未描述该接口。mock 提供 POST /OAuth2/server_token（app_id、secret），使用同样的信封：推测（不在源文档中）。该 token 用于操作应用相关资源，不同于上一步的用户 token。",
      ),
      quirks: ["server-token-undocumented", "two-kinds-of-access-token"],
      options: [encodingOption],
      defaults: { encoding: "form" },
      params: [appIdParam, secretParam],
      request: (ctx) => post("/OAuth2/server_token", ctx.params, ctx.options.encoding),
      outcome: (response, json) => {
        if (!isOk(json)) return failure(response, json);
        const d = data<{ access_token: string }>(json);
        return {
          status: "success",
          summary: l("Got a server access_token (assumed endpoint).", "拿到服务器 access_token（推测的接口）。"),
          values: { server_access_token: d.access_token },
          facts: envelopeFacts(json, {}, ["expires_in"]),
        };
      },
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
      defaults: { encoding: "form" },
      params: [
        appIdParam,
        {
          name: "access_token",
          required: true,
          secret: true,
          explain: l("Required. The server access_token (not the user's).", "必须。服务器 access_token（不是用户的）。"),
          initial: (ctx) => ctx.values.server_access_token,
          check: (value, ctx) =>
            value === ctx.values.user_access_token ? l("This is the user access_token from /OAuth2/token: the ticket needs the server one.", "这是 /OAuth2/token 返回的用户 access_token：获取 ticket 需要服务器 access_token。") : undefined,
        },
        { name: "type", required: true, explain: l("Required. Always js_ticket.", "必须。此处恒为 js_ticket。"), initial: () => "js_ticket" },
      ],
      request: (ctx) => post("/OAuth2/ticket", ctx.params, ctx.options.encoding),
      outcome: (response, json, ctx) => {
        if (!isOk(json)) {
          const userToken = ctx.params.access_token === ctx.values.user_access_token;
          return failure(response, json, userToken ? { quirks: ["status-4102-string", "two-kinds-of-access-token"] } : {});
        }
        const d = data<{ ticket: string }>(json);
        return {
          status: "success",
          summary: l(`Got a js_ticket (${d.ticket.length} characters; reserve 128).`, `拿到 js_ticket（${d.ticket.length} 个字符；请预留 128 位）。`),
          values: { js_ticket: d.ticket },
          facts: ticketFacts(json),
          quirks: ["status-number-vs-string"],
        };
      },
    },
    {
      kind: "http",
      id: "rotate",
      title: l("Fetch a second js_ticket: the first one gets 10 minutes", "再获取一个 js_ticket：旧的只剩 10 分钟"),
      explain: l(
        "Fetching a ticket while the previous one is still valid doesn't revoke it: its remaining life is cut to 10 minutes, so pages signed with it keep working during the switch. This run fetches a new ticket, then asks /OAuth2/checkCode when each ticket expires, and shows both. Then advance the clock +10 min and check the previous ticket in the next step.",
        "在旧 ticket 仍有效时重新获取，并不会立即作废旧的：它的剩余有效时间被设为 10 分钟，用旧 ticket 签名的页面在切换期间仍可用。本次运行先获取新 ticket，再用 /OAuth2/checkCode 查询两个 ticket 的过期时间并一起显示。然后把时钟拨快 +10 min，在下一步检测旧 ticket。",
      ),
      doc: "> 注意:获取的`js_ticket`失效前,重新获取后,之前的`js_ticket`将会将有效时间设置为`10分钟`,过期自动失效.避免`js_ticket`的更替产生调用错误.",
      quirks: ["ticket-rotation-grace"],
      options: [encodingOption],
      defaults: { encoding: "form" },
      params: [
        appIdParam,
        {
          name: "access_token",
          required: true,
          secret: true,
          explain: l("Required. The server access_token.", "必须。服务器 access_token。"),
          initial: (ctx) => ctx.values.server_access_token,
        },
        { name: "type", required: true, explain: l("Required. Always js_ticket.", "必须。此处恒为 js_ticket。"), initial: () => "js_ticket" },
        {
          name: "previous_ticket",
          explain: l("Not sent: the ticket in use so far, checked with /OAuth2/checkCode after the new one is issued.", "不发送：目前在用的 ticket，获取新 ticket 后用 /OAuth2/checkCode 检测。"),
          initial: (ctx) => ctx.values.js_ticket,
        },
      ],
      request: (ctx) => post("/OAuth2/ticket", { app_id: ctx.params.app_id ?? "", access_token: ctx.params.access_token ?? "", type: ctx.params.type ?? "" }, ctx.options.encoding),
      sequence: async (ctx, send) => {
        const appId = ctx.params.app_id ?? "";
        const fetched = await send(ticketSpec(ctx, appId, ctx.params.access_token ?? ""));
        if (!isOk(fetched.json)) return [fetched];
        const ticket = data<{ ticket: string }>(fetched.json).ticket;
        const all: SentExchange[] = [fetched];
        const previous = ctx.params.previous_ticket ?? "";
        if (previous && previous !== ticket) all.push(await send(checkSpec(ctx, appId, "js_ticket", previous)));
        all.push(await send(checkSpec(ctx, appId, "js_ticket", ticket)));
        return all;
      },
      outcome: (_response, _json, ctx, all) => {
        const [fetched, ...checks] = all;
        if (!fetched || !isOk(fetched.json)) return failure(fetched?.response, fetched?.json);
        const ticket = data<{ ticket: string }>(fetched.json).ticket;
        const previous = ctx.params.previous_ticket ?? "";
        const prevCheck = checks.length === 2 ? checks[0] : undefined;
        const newCheck = checks.at(-1);
        const facts: Fact[] = [];
        if (prevCheck) {
          facts.push({ label: l("previous ticket", "旧 ticket"), value: previous });
          facts.push(
            isOk(prevCheck.json)
              ? expiresAtFact(
                  "previous: checkCode expires_in",
                  data<{ expires_in: number }>(prevCheck.json).expires_in,
                  ctx,
                  l(`Cut to the ${grace(ctx) / 60}-minute grace (or less, if it had less left): it still works until then`, `被缩短为 ${grace(ctx) / 60} 分钟的宽限期（若原本剩余更少则不变）：在此之前仍然可用`),
                )
              : { label: "previous: checkCode", value: `${JSON.stringify(envelope(prevCheck.json)?.status)} ${String(envelope(prevCheck.json)?.message)}`, note: l("It had already expired.", "它已经过期了。") },
          );
        }
        facts.push({ label: l("new ticket", "新 ticket"), value: ticket, note: l("Reserve 128 characters of storage.", "请预留 128 位长度的存储空间。") });
        if (newCheck && isOk(newCheck.json)) facts.push(expiresAtFact("new: checkCode expires_in", data<{ expires_in: number }>(newCheck.json).expires_in, ctx));
        const values: Values = { js_ticket: ticket };
        if (prevCheck) values.previous_js_ticket = previous;
        return {
          status: "success",
          summary: prevCheck
            ? l("New js_ticket issued; the previous one now expires within 10 minutes.", "已签发新的 js_ticket；旧的将在 10 分钟内过期。")
            : l("New js_ticket issued (there was no previous ticket to rotate).", "已签发新的 js_ticket（没有可替换的旧 ticket）。"),
          values,
          facts,
          quirks: ["checkcode-absolute-expiry"],
        };
      },
    },
    {
      kind: "http",
      id: "check-ticket",
      title: l("checkCode: is the previous js_ticket still valid?", "checkCode：旧 js_ticket 还有效吗？"),
      explain: l(
        "POST /OAuth2/checkCode with type=js_ticket. Pre-filled with the previous (rotated) ticket: valid during the 10-minute grace, “js_ticket is invalid” (status \"4102\") after — advance the clock +10 min and run again. Paste the new ticket to check that one. The answer's expires_in is the absolute Unix time of expiry, not a number of seconds: it is shown as a date.",
        "以 type=js_ticket 调用 POST /OAuth2/checkCode。已填入旧的（被替换的）ticket：10 分钟宽限期内有效，之后返回 “js_ticket is invalid”（status \"4102\"）——把时钟拨快 +10 min 后再运行。粘贴新 ticket 即可检测新的。响应中的 expires_in 是绝对的 Unix 过期时刻，不是秒数：这里显示为日期。",
      ),
      doc: checkCodeDoc,
      quirks: ["checkcode-absolute-expiry"],
      options: [encodingOption],
      defaults: { encoding: "form" },
      params: [
        appIdParam,
        { name: "type", required: true, explain: l("Required. access_token or js_ticket.", "必须。access_token 或 js_ticket。"), initial: () => "js_ticket", choices: ["js_ticket", "access_token"] },
        { name: "code", required: true, explain: l("Required. The value to check (here: a ticket).", "必须。要检测的 code 值（这里是 ticket）。"), initial: (ctx) => ctx.values.previous_js_ticket ?? ctx.values.js_ticket },
        { name: "open_id", explain: l("Only for a user access_token.", "仅检测用户 access_token 时必传。"), initial: () => "" },
      ],
      request: (ctx) => post("/OAuth2/checkCode", ctx.params, ctx.options.encoding),
      outcome: (response, json, ctx) => {
        const code = ctx.params.code ?? "";
        const which =
          code === ctx.values.previous_js_ticket ? l("the previous ticket", "旧 ticket") : code === ctx.values.js_ticket ? l("the current ticket", "当前 ticket") : l("this code", "该 code");
        if (!isOk(json)) {
          const expired = code === ctx.values.previous_js_ticket;
          return failure(response, json, {
            summary: expired
              ? l(`status "4102": js_ticket is invalid — ${which.en}'s 10-minute grace is over.`, `status "4102"：js_ticket is invalid —— ${which.zh}的 10 分钟宽限期已过。`)
              : l(`status ${JSON.stringify(envelope(json)?.status)}: ${String(envelope(json)?.message)}`, `status ${JSON.stringify(envelope(json)?.status)}：${String(envelope(json)?.message)}`),
            quirks: ["status-4102-string", ...(expired ? ["ticket-rotation-grace"] : []), "checkcode-error-example"],
          });
        }
        const at = data<{ expires_in: number }>(json).expires_in;
        return {
          status: "success",
          summary: l(`Valid: ${which.en} expires at the timestamp below.`, `有效：${which.zh}在下方时间戳过期。`),
          facts: [statusFact(json), { label: "message", value: String(envelope(json)?.message) }, expiresAtFact("data.expires_in", at, ctx)],
        };
      },
    },
    {
      kind: "http",
      id: "check-token",
      title: l("checkCode: the user's access_token (open_id required)", "checkCode：用户 access_token（须传 open_id）"),
      explain: l(
        "type=access_token with the user access_token from /OAuth2/token. The table marks open_id “否” (not required), then says it is required for a user token: clear it to see “open_id is required”. The answer's expires_in is again a timestamp.",
        "以 type=access_token 检测 /OAuth2/token 返回的用户 access_token。参数表把 open_id 标为“否”，又说检测用户 token 时必传：清空它即可看到 “open_id is required”。响应中的 expires_in 同样是时间戳。",
      ),
      doc: checkCodeDoc,
      quirks: ["open-id-conditionally-required", "checkcode-absolute-expiry"],
      options: [encodingOption],
      defaults: { encoding: "form" },
      params: [
        appIdParam,
        { name: "type", required: true, explain: l("Required. access_token or js_ticket.", "必须。access_token 或 js_ticket。"), initial: () => "access_token", choices: ["access_token", "js_ticket"] },
        { name: "code", required: true, secret: true, explain: l("Required. The user access_token from /OAuth2/token.", "必须。/OAuth2/token 返回的用户 access_token。"), initial: (ctx) => ctx.values.user_access_token },
        {
          name: "open_id",
          explain: l("Marked optional, yet required when checking a user access_token.", "标为非必须，但检测用户 access_token 时必传。"),
          initial: (ctx) => ctx.values.open_id,
        },
      ],
      request: (ctx) => post("/OAuth2/checkCode", ctx.params, ctx.options.encoding),
      outcome: (response, json, ctx) => {
        if (!isOk(json)) return failure(response, json, { quirks: ["status-4102-string", "checkcode-error-example"] });
        const at = data<{ expires_in: number }>(json).expires_in;
        return {
          status: "success",
          summary: l("The user access_token is valid until the timestamp below.", "用户 access_token 在下方时间戳之前有效。"),
          facts: [statusFact(json), { label: "message", value: String(envelope(json)?.message) }, expiresAtFact("data.expires_in", at, ctx)],
        };
      },
    },
  ],
};
