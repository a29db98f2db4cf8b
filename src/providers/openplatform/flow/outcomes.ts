import { z } from "zod";
import { l } from "../../../core/i18n/localized.ts";
import { fieldFacts, typedLabel } from "../../../core/wizard/helpers.ts";
import type { Answer, Fact, Outcome, StepContext } from "../../../core/wizard/types.ts";
import type { OpenplatformFixtures } from "../schemas.ts";
import { checkData, dataOf, envelope, envelopeFacts, expiresAtFact, failure, serverTokenData, statusFact, ticketData, tokenData } from "./envelope.ts";
import type { OpenplatformValues } from "./values.ts";

type Ctx = StepContext<OpenplatformValues, OpenplatformFixtures>;
type Result = Outcome<OpenplatformValues>;

const simulatedCode = z.object({ code: z.string() });

/** The simulated host-app JS: a login-free code (plain JSON, not the document's envelope). */
export function codeOutcome({ response, json }: Answer, ctx: Ctx): Result {
  const body = response?.status === 200 ? simulatedCode.safeParse(json).data : undefined;
  if (!body) return failure(response, json);
  return {
    status: "success",
    summary: l("Got a login-free code (simulated host-app JS).", "拿到免登 code（模拟的宿主应用 JS）。"),
    values: { code: body.code },
    facts: fieldFacts(json, { notes: { expires_in: l("Assumed: the document gives no code lifetime.", "推测：文档未给出 code 的有效期。") }, expiresIn: ["expires_in"], now: ctx.now }),
  };
}

/** /OAuth2/token: the user's open_id and a user token, in the one example whose status is a number. */
export function tokenOutcome({ response, json }: Answer, ctx: Ctx): Result {
  const d = dataOf(tokenData, json);
  if (!d) {
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
  const numeric = typeof envelope(json)?.status === "number";
  return {
    status: "success",
    summary: numeric
      ? l("Got the user's open_id (status is the number 2000 here).", "拿到用户的 open_id（这里 status 是数字 2000）。")
      : l('Got the user\'s open_id (status is the string "2000" here, the document\'s example has the number).', '拿到用户的 open_id（这里 status 是字符串 "2000"，文档示例中是数字）。'),
    values: { open_id: d.open_id, user_access_token: d.access_token, refresh_token: d.refresh_token },
    facts: envelopeFacts(json, {
      hints: { open_id: l("The user's id for this app: this is what the login-free flow is for.", "该用户在本应用下的 id：免登流程要的就是它。") },
      notes: {
        access_token: l(
          "A user token: it cannot update user info (暂时无用), and it is not the server access_token /OAuth2/ticket needs.",
          "用户 token：不能用于更新用户信息（暂时无用），也不是 /OAuth2/ticket 需要的服务器 access_token。",
        ),
        refresh_token: l("Of no use for now: no refresh call is documented.", "暂时无用：文档没有刷新接口。"),
      },
      expiresIn: ["expires_in"],
      now: ctx.now,
    }),
    quirks: ["status-number-vs-string", "user-token-unusable"],
  };
}

/** The assumed /OAuth2/server_token. */
export function serverTokenOutcome({ response, json }: Answer, ctx: Ctx): Result {
  const d = dataOf(serverTokenData, json);
  if (!d) return failure(response, json);
  return {
    status: "success",
    summary: l("Got a server access_token (assumed endpoint).", "拿到服务器 access_token（推测的接口）。"),
    values: { server_access_token: d.access_token },
    facts: envelopeFacts(json, { expiresIn: ["expires_in"], now: ctx.now }),
  };
}

const ticketFacts = (json: unknown, now: number | undefined): Fact[] =>
  envelopeFacts(json, {
    notes: {
      ticket: l("64 characters today, but reserve 128 characters of storage, as the document asks.", "目前 64 个字符，但请按文档要求预留 128 位长度的存储空间。"),
      expires_in: l("Seconds (7200), unlike checkCode's expires_in, which is a timestamp.", "单位为秒（7200），与 checkCode 中作为时间戳的 expires_in 不同。"),
    },
    expiresIn: ["expires_in"],
    now,
  });

/** /OAuth2/ticket: a js_ticket, refused for a user token. */
export function ticketOutcome({ response, json }: Answer, ctx: Ctx): Result {
  const d = dataOf(ticketData, json);
  if (!d) {
    const userToken = ctx.params.access_token !== undefined && ctx.params.access_token === ctx.values.user_access_token;
    return failure(response, json, userToken ? { quirks: ["status-4102-string", "two-kinds-of-access-token"] } : {});
  }
  return {
    status: "success",
    summary: l(`Got a js_ticket (${d.ticket.length} characters; reserve 128).`, `拿到 js_ticket（${d.ticket.length} 个字符；请预留 128 位）。`),
    values: { js_ticket: d.ticket },
    facts: ticketFacts(json, ctx.now),
    quirks: ["status-number-vs-string"],
  };
}

/** A second ticket, then checkCode of the previous one (cut to its grace) and of the new one. */
export function rotateOutcome({ exchanges }: Answer, ctx: Ctx): Result {
  const [fetched, ...checks] = exchanges;
  const issued = fetched ? dataOf(ticketData, fetched.json) : undefined;
  if (!fetched || !issued) return failure(fetched?.response, fetched?.json);
  const previous = ctx.params.previous_ticket ?? "";
  const prevCheck = checks.length === 2 ? checks[0] : undefined;
  const newCheck = checks.at(-1);
  const grace = (ctx.fixtures?.settings.ticket_rotation_grace ?? 600) / 60;
  const facts: Fact[] = [];
  if (prevCheck) {
    const left = dataOf(checkData, prevCheck.json);
    const env = envelope(prevCheck.json);
    facts.push({ label: l("previous ticket", "旧 ticket"), value: previous });
    facts.push(
      left
        ? expiresAtFact(
            l("previous: checkCode expires_in", "旧 ticket：checkCode expires_in"),
            left.expires_in,
            l(
              `Set to the ${grace}-minute grace, or kept if it had less left (the mock never lengthens it; the document only says 10 minutes). It still works until then.`,
              `被设为 ${grace} 分钟的宽限期；若原本剩余更少则保持不变（模拟服务器不会延长；文档只说 10 分钟）。在此之前仍然可用。`,
            ),
          )
        : { label: l("previous: checkCode", "旧 ticket：checkCode"), value: `${JSON.stringify(env?.status)} ${String(env?.message)}`, note: l("It had already expired.", "它已经过期了。") },
    );
  }
  facts.push({ label: l("new ticket", "新 ticket"), value: issued.ticket, note: l("Reserve 128 characters of storage.", "请预留 128 位长度的存储空间。") });
  const newLeft = newCheck ? dataOf(checkData, newCheck.json) : undefined;
  if (newLeft) facts.push(expiresAtFact(l("new: checkCode expires_in", "新 ticket：checkCode expires_in"), newLeft.expires_in));
  return {
    status: "success",
    summary: prevCheck
      ? l("New js_ticket issued; the previous one now expires within 10 minutes.", "已签发新的 js_ticket；旧的将在 10 分钟内过期。")
      : l("New js_ticket issued (there was no previous ticket to rotate).", "已签发新的 js_ticket（没有可替换的旧 ticket）。"),
    values: prevCheck ? { js_ticket: issued.ticket, previous_js_ticket: previous } : { js_ticket: issued.ticket },
    facts,
    quirks: ["checkcode-absolute-expiry"],
  };
}

const checkedFacts = (json: unknown, at: number): Fact[] => [statusFact(json), { label: "message", value: String(envelope(json)?.message) }, expiresAtFact(typedLabel("data.expires_in", "number"), at)];

/** checkCode of a ticket: valid until an absolute timestamp, or 4102 once the grace is over. */
export function checkTicketOutcome({ response, json }: Answer, ctx: Ctx): Result {
  const code = ctx.params.code ?? "";
  const which =
    code === ctx.values.previous_js_ticket ? l("the previous ticket", "旧 ticket") : code === ctx.values.js_ticket ? l("the current ticket", "当前 ticket") : l("this code", "该 code");
  const checked = dataOf(checkData, json);
  if (!checked) {
    const expired = code === ctx.values.previous_js_ticket;
    const env = envelope(json);
    return failure(response, json, {
      summary: expired
        ? l(`status "4102": js_ticket is invalid — ${which.en}'s 10-minute grace is over.`, `status "4102"：js_ticket is invalid —— ${which.zh} 的 10 分钟宽限期已过。`)
        : l(`status ${JSON.stringify(env?.status)}: ${String(env?.message)}`, `status ${JSON.stringify(env?.status)}：${String(env?.message)}`),
      quirks: ["status-4102-string", ...(expired ? ["ticket-rotation-grace"] : []), "checkcode-error-example"],
    });
  }
  return {
    status: "success",
    summary: l(`Valid: ${which.en} expires at the timestamp below.`, `有效：${which.zh} 将在下方时间过期。`),
    facts: checkedFacts(json, checked.expires_in),
  };
}

/** checkCode of the user access_token (open_id required after all). */
export function checkTokenOutcome({ response, json }: Answer): Result {
  const checked = dataOf(checkData, json);
  if (!checked) return failure(response, json, { quirks: ["status-4102-string", "checkcode-error-example"] });
  return {
    status: "success",
    summary: l("The user access_token is valid until the timestamp below.", "用户 access_token 在下方时间之前有效。"),
    facts: checkedFacts(json, checked.expires_in),
  };
}

