import { z } from "zod";
import { headerValue } from "../../../core/exchange/exchange.ts";
import { l } from "../../../core/i18n/localized.ts";
import { errorOutcome, fieldFacts, labelEn, unexpectedBody } from "../../../core/wizard/helpers.ts";
import type { Answer, Fact, Outcome, StepContext } from "../../../core/wizard/types.ts";
import type { EasemobFixtures } from "../schemas.ts";
import { DOC_TTL } from "./params.ts";
import { ttlStyleOf } from "./requests.ts";
import { issuedToken, tokenAnswer, tokenValues, type EasemobValues, type TokenAnswer } from "./values.ts";

type Ctx = StepContext<EasemobValues, EasemobFixtures>;
type Result = Outcome<EasemobValues>;

export const easemobErrorText = (b: Record<string, unknown>) => `${String(b.error)}: ${String(b.error_description ?? "")}`;

/** The token answer's fields; expires_in 0 (ttl 0) never expires. */
function tokenFacts(json: unknown, token: TokenAnswer, now: number | undefined): Fact[] {
  const facts = fieldFacts(json, {
    notes: {
      expires_in: l("Seconds of validity, but not a guarantee: a 401 before then still means “fetch a new token”.", "有效期（秒），但不是保证：在此之前遇到 401 也要重新获取 token。"),
    },
    hints: { application: l("The app's UUID.", "当前 App 的 UUID。") },
    expiresIn: ["expires_in"],
    now,
  });
  return token.expires_in === 0 ? facts.map((f) => (labelEn(f.label) === "expires_in (number)" ? { ...f, expiresAt: "never" } : f)) : facts;
}

const usersAnswer = z.object({ count: z.number().optional(), entities: z.array(z.object({ username: z.string().optional() })).optional() });
const usersFacts = (json: unknown): Fact[] => {
  const body = usersAnswer.safeParse(json).data;
  return [
    { label: "count", value: String(body?.count ?? "") },
    { label: "entities[].username", value: (body?.entities ?? []).map((e) => e.username).join(", ") },
  ];
};

/** The token step: the app token, with where the documented URL went in the playground. */
export function tokenOutcome({ response, json }: Answer, ctx: Ctx): Result {
  if (response?.status !== 200) return errorOutcome(response, json, easemobErrorText);
  const token = tokenAnswer.safeParse(json);
  if (!token.success) return unexpectedBody(response, token.error.issues);
  const style = ttlStyleOf(ctx.options.ttl);
  const path = `/${ctx.params.org_name}/${ctx.params.app_name}/token`;
  const facts: Fact[] = [
    ...tokenFacts(json, token.data, ctx.now),
    { label: l("Documented URL", "文档中的 URL"), value: `https://${ctx.values.host || "{host}"}${path}` },
    { label: l("In the playground", "演练场中"), value: `${ctx.target.serverBase}${path}` },
  ];
  if (style === "omit") {
    facts.push({
      label: l("default_ttl (fixtures)", "default_ttl（初始数据）"),
      value: String(ctx.fixtures?.settings.default_ttl ?? "?"),
      note: l("The console's 用户认证 setting, which the document does not give.", "控制台“用户认证”页面的设置，文档未给出具体值。"),
    });
  }
  return {
    status: "success",
    summary:
      style === "zero"
        ? l("App token issued; ttl 0: it never expires (expires_in 0).", "已获得 app token；ttl 为 0：永久有效（expires_in 为 0）。")
        : l("App token issued.", "已获得 app token。"),
    values: { ...tokenValues(token.data, ctx.now), ttl: ctx.params.ttl ?? DOC_TTL, ttl_style: style },
    facts,
    quirks: style === "zero" ? ["ttl-zero-forever"] : style === "omit" ? ["ttl-absent-console-default"] : [],
  };
}

/** The users call, and when it was retried: 401 → new token → retry. */
export function usersOutcome({ response, json, exchanges }: Answer, ctx: Ctx): Result {
  const retried = exchanges.length > 1;
  const refetch = exchanges[1];
  const token = refetch?.response.status === 200 ? issuedToken(refetch.json) : undefined;
  if (response?.status !== 200) {
    const failed: Result = errorOutcome(response, json, easemobErrorText);
    if (retried) return { ...failed, summary: l(`401, then the new token request failed — ${failed.summary.en}`, `401，随后重新获取 token 也失败了 —— ${failed.summary.zh}`) };
    return response?.status === 401 && ctx.options.retry === "off" ? { ...failed, quirks: ["401-refetch"] } : failed;
  }
  if (!retried) return { status: "success", summary: l("The API accepted the token.", "API 接受了该 token。"), facts: usersFacts(json) };
  const first = exchanges[0]!;
  const firstError = z.object({ error: z.string() }).safeParse(first.json).data?.error ?? "";
  return {
    status: "success",
    summary: l("401 → fetched a new token → retried: 200 (3 requests).", "401 → 重新获取 token → 重试：200（3 个请求）。"),
    ...(token ? { values: tokenValues(token, ctx.now) } : {}),
    facts: [
      { label: l("1st call", "第 1 次调用"), value: `${first.response.status} ${firstError}` },
      { label: l("new access_token", "新 access_token"), value: token?.access_token ?? "" },
      {
        label: l("new expires_in", "新 expires_in"),
        value: String(token?.expires_in ?? ""),
        ...(token && ctx.now !== undefined ? { expiresAt: token.expires_in === 0 ? "never" : ctx.now + token.expires_in } : {}),
      },
      { label: l("retry", "重试"), value: String(response.status) },
      ...usersFacts(json),
    ],
  };
}

/** The cache step: the cached token used as it is (1 request), or replaced first (2 requests). */
export function cacheOutcome({ response, json, exchanges }: Answer, ctx: Ctx): Result {
  if (response?.status !== 200) return errorOutcome(response, json, easemobErrorText);
  const refetch = exchanges.length > 1 || exchanges[0]?.request.url.endsWith("/token") ? exchanges[0] : undefined;
  const token = refetch ? issuedToken(refetch.json) : undefined;
  const values = token ? tokenValues(token, ctx.now) : undefined;
  const param = ctx.params.token_expires_at;
  const expiresAt = values?.token_expires_at ?? (param === "never" ? "never" : param ? Number(param) : undefined);
  const facts: Fact[] = [
    { label: l("token requests sent", "发送的 token 请求"), value: refetch ? "1" : "0" },
    expiresAt === "never"
      ? { label: "token_expires_at", value: "never", note: l("ttl 0: never expires, never refetched.", "ttl 为 0：永不过期，无需重新获取。") }
      : { label: "token_expires_at", value: String(expiresAt ?? ""), unixTime: true, ...(expiresAt !== undefined ? { expiresAt } : {}) },
    { label: "refresh_margin", value: l(`${ctx.params.refresh_margin ?? ""} s`, `${ctx.params.refresh_margin ?? ""} 秒`) },
    ...usersFacts(json),
  ];
  if (!refetch && typeof expiresAt === "number" && ctx.now !== undefined) facts.splice(2, 0, { label: l("seconds left before the call", "调用前剩余秒数"), value: String(expiresAt - ctx.now) });
  if (!refetch) {
    const calls = exchanges.length;
    return {
      status: "success",
      summary: l(`Used the cached token: no new token requested; ${calls} API ${calls === 1 ? "request" : "requests"} sent.`, `使用缓存的 token：未请求新 token；只发送了 ${calls} 个 API 请求。`),
      facts,
    };
  }
  return {
    status: "success",
    summary: ctx.params.access_token
      ? l("The cached token was near expiry: fetched a new one, then called the API (2 requests).", "缓存的 token 快过期了：先获取新 token，再调用 API（2 个请求）。")
      : l("No cached token: fetched one, then called the API (2 requests).", "没有缓存的 token：先获取，再调用 API（2 个请求）。"),
    ...(values ? { values } : {}),
    facts,
  };
}

const retryAfterOf = (answer: Answer) => (answer.response ? headerValue(answer.response.headers, "Retry-After") : undefined);

/** Token requests one after another until the ban (429), with the fixture values the document doesn't give. */
export function banOutcome(answer: Answer, ctx: Ctx): Result {
  const { response, json, exchanges } = answer;
  const s = ctx.fixtures?.settings;
  const ok = exchanges.filter((e) => e.response.status === 200).length;
  const settingFacts: Fact[] = [
    { label: "rate_limit_max_requests", value: String(s?.rate_limit_max_requests ?? "?"), note: l("Fixture value: the document says only “超过一定频率”.", "初始数据中的值：文档只说“超过一定频率”。") },
    { label: "rate_limit_window_seconds", value: String(s?.rate_limit_window_seconds ?? "?") },
    { label: "ban_seconds", value: String(s?.ban_seconds ?? "?") },
  ];
  if (response?.status === 429) {
    const retryAfter = retryAfterOf(answer);
    const banned = ctx.now !== undefined && retryAfter ? ctx.now + Number(retryAfter) : undefined;
    return {
      status: "warning",
      summary: l(
        `Banned: ${ok} token ${ok === 1 ? "request" : "requests"} succeeded, then HTTP 429 reach_limit. Advance the clock by ban_seconds and run the next step.`,
        `已被封禁：${ok} 个 token 请求成功后返回 HTTP 429 reach_limit。把时钟拨快 ban_seconds 后运行下一步。`,
      ),
      facts: [
        {
          label: l("requests sent in this run", "本次运行发送的请求"),
          value: String(exchanges.length),
          note: l("Token requests made earlier inside the window (the token step, retries) count too.", "时间窗口内更早的 token 请求（获取 token 步骤、重试）同样计入。"),
        },
        ...settingFacts,
        { label: "Retry-After", value: l(`${retryAfter ?? "?"} s`, `${retryAfter ?? "?"} 秒`) },
        ...(banned !== undefined ? [{ label: l("banned until", "封禁至"), value: String(banned), unixTime: true, expiresAt: banned }] : []),
        ...fieldFacts(json),
      ],
    };
  }
  if (response?.status === 200) {
    return {
      status: "warning",
      summary: l(`${ok} token ${ok === 1 ? "request" : "requests"} succeeded and no 429 yet: raise max_attempts.`, `${ok} 个 token 请求都成功，尚未触发 429：请调大 max_attempts。`),
      facts: settingFacts,
    };
  }
  return errorOutcome(response, json, easemobErrorText);
}

/** One token request after the ban: still 429 until ban_seconds have passed on the virtual clock. */
export function afterBanOutcome(answer: Answer, ctx: Ctx): Result {
  const { response, json } = answer;
  const token = response?.status === 200 ? tokenAnswer.safeParse(json) : undefined;
  if (token?.success) {
    return {
      status: "success",
      summary: l("The ban is over: a new app token was issued.", "封禁已结束：已签发新的 app token。"),
      values: tokenValues(token.data, ctx.now),
      facts: tokenFacts(json, token.data, ctx.now),
    };
  }
  if (token) return unexpectedBody(response, token.error.issues);
  const failed = errorOutcome(response, json, easemobErrorText);
  if (response?.status !== 429) return failed;
  const retryAfter = retryAfterOf(answer) ?? "?";
  return {
    ...failed,
    summary: l(`Still banned: 429 reach_limit, Retry-After ${retryAfter} s.`, `仍在封禁中：429 reach_limit，Retry-After ${retryAfter} 秒。`),
    facts: [{ label: "Retry-After", value: l(`${retryAfter} s`, `${retryAfter} 秒`) }, ...(failed.facts ?? [])],
  };
}
