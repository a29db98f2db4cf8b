import { z } from "zod";
import { headerValue } from "../../../core/exchange/exchange.ts";
import { parseJsonp } from "../../../core/exchange/jsonp.ts";
import { l, type Localized } from "../../../core/i18n/localized.ts";
import { errorOutcome, fieldFacts, jsonObject, unexpectedBody } from "../../../core/wizard/helpers.ts";
import type { Answer, Fact, Outcome, ShownOutcome, StepContext } from "../../../core/wizard/types.ts";
import { pigaiErrorSchema, type PigaiFixtures } from "../schemas.ts";
import type { PigaiValues } from "./values.ts";

type Ctx = StepContext<PigaiValues, PigaiFixtures>;

const expiresStringNote = l('The document\'s method one answers the STRING "7200"; method two, the number 7200. Convert before comparing or adding.', '文档中方法一返回的是字符串 "7200"；方法二返回的是数字 7200。比较或相加前先转换。');
const expiresNumberNote = l('The document\'s method two answers the NUMBER 7200; method one\'s JSONP answer, the string "7200".', '文档中方法二返回的是数字 7200；方法一的 JSONP 返回的是字符串 "7200"。');
export const pigaiErrorText = (b: Record<string, unknown>) => `${String(b.error)} (error_code ${String(b.error_code)}): ${String(b.error_description ?? "")}`;

/** Method one's success payload; expires_in is a string in the document, so either type is taken and shown as it came. */
const jsonpToken = z.object({ access_token: z.string(), expires_in: z.union([z.string(), z.number()]) });
/** Method two's success body. */
const serverToken = z.object({ access_token: z.string(), expires_in: z.union([z.string(), z.number()]) });

/** An answer in the document's failure shape ({error, error_code: 21329, error_description}), or one that at least says error. */
const isErrorBody = (body: Record<string, unknown>) => pigaiErrorSchema.safeParse(body).success || body.error !== undefined;

/** The state a JSONP payload carries: none by design in an error payload (the document's failure shape has no state). */
export function jsonpState(payload: unknown): string | null | undefined {
  const body = jsonObject(payload);
  if (!body || isErrorBody(body)) return undefined;
  return typeof body.state === "string" ? body.state : null;
}

/** Pigai's error envelope comes with the quirk that its error_code tells nothing apart. */
const oneErrorCode = (body: Record<string, unknown>) => (isErrorBody(body) ? { quirks: ["one-error-code"] } : {});

/** A failure answered over HTTP, in Pigai's envelope when it is one. */
export function pigaiErrorOutcome(response: Answer["response"], json: unknown): ShownOutcome {
  return { ...errorOutcome(response, json, pigaiErrorText), ...oneErrorCode(jsonObject(json) ?? {}) };
}

/** A JSONP payload in the document's shapes: the token, or {error, error_code: 21329, error_description}. */
export function payloadOutcome(payload: unknown, ctx: Ctx, how: Localized): Outcome<PigaiValues> {
  const body = jsonObject(payload);
  if (!body) return { status: "error", summary: l(`The callback was called without a JSON object: ${JSON.stringify(payload)}`, `回调收到的不是 JSON 对象：${JSON.stringify(payload)}`) };
  const token = jsonpToken.safeParse(body);
  if (isErrorBody(body) || !token.success) {
    const text = pigaiErrorText(body);
    return {
      status: "error",
      summary: l(`Pigai answered an error through the callback — ${text}`, `批改网通过回调返回错误 —— ${text}`),
      facts: fieldFacts(body),
      ...oneErrorCode(body),
    };
  }
  const checked = ctx.params.state ? l("state checked", "state 已校验") : l("no state was sent, so none was checked", "未发送 state，因此没有校验");
  return {
    status: "success",
    summary: l(`Token received ${how.en}; ${checked.en}.`, `已${how.zh}拿到 token；${checked.zh}。`),
    values: { access_token: token.data.access_token, jsonp_expires_in: token.data.expires_in },
    facts: fieldFacts(body, { notes: { expires_in: expiresStringNote }, expiresIn: ["expires_in"], now: ctx.now }),
    quirks: ["expires-in-string-vs-number"],
  };
}

/** Splits `myfun({...})` into the function name and its JSON argument. */
function parseJsonpText(text: string): { callback: string; payload: unknown } | undefined {
  const parsed = parseJsonp(text);
  return parsed && { callback: parsed.callback, payload: parsed.json };
}

/** Method one fetched as text: the JavaScript a <script> would run, or the plain-JSON refusal. */
export function rawOutcome({ response, json }: Answer, ctx: Ctx): Outcome<PigaiValues> {
  if (!response || response.status !== 200) {
    const outcome = pigaiErrorOutcome(response, json);
    return {
      ...outcome,
      summary: l(
        `${outcome.summary.en} — refused as plain JSON, the callback is not echoed: a <script> element would fail to load.`,
        `${outcome.summary.zh} —— 以纯 JSON 拒绝，不回显 callback：<script> 元素会加载失败。`,
      ),
    };
  }
  const parsed = parseJsonpText(response.body);
  if (!parsed) return { status: "error", summary: l("The answer is not callback(json).", "返回内容不是 callback(json) 形式。") };
  const inner = payloadOutcome(parsed.payload, ctx, l("", ""));
  const facts: Fact[] = [
    { label: "Content-Type", value: headerValue(response.headers, "content-type") ?? "" },
    { label: "X-Content-Type-Options", value: headerValue(response.headers, "x-content-type-options") ?? "" },
    { label: "callback", value: parsed.callback, hint: l("The function the script calls: exactly the callback parameter.", "脚本调用的函数：正是 callback 参数。") },
    ...(inner.facts ?? []),
  ];
  if (inner.status !== "success") return { ...inner, facts };
  return { ...inner, summary: l(`The raw answer is JavaScript: ${parsed.callback}({…}).`, `原始返回是 JavaScript：${parsed.callback}({…})。`), facts };
}

/** Method two: plain JSON, expires_in a number, no state although the result table lists one. */
export function serverTokenOutcome({ response, json }: Answer, ctx: Ctx): Outcome<PigaiValues> {
  if (response?.status !== 200) return pigaiErrorOutcome(response, json);
  const body = jsonObject(json) ?? {};
  const token = serverToken.safeParse(body);
  if (!token.success) return unexpectedBody(response, token.error.issues);
  const facts = fieldFacts(body, { notes: { expires_in: expiresNumberNote, scope: l("The document's example has scope null; its result table does not list scope.", "文档示例中 scope 为 null，而文档的返回参数表没有列出 scope。") }, expiresIn: ["expires_in"], now: ctx.now });
  const earlier = ctx.values.jsonp_expires_in;
  if (earlier !== undefined) {
    const [a, b] = [JSON.stringify(earlier), JSON.stringify(token.data.expires_in)];
    const same = typeof earlier === typeof token.data.expires_in;
    const equal = String(earlier === token.data.expires_in);
    facts.push({
      label: l("expires_in (method one, JSONP)", "expires_in（方法一，JSONP）"),
      value: a,
      note: same
        ? l(`Same field, same type this time: ${a} === ${b} is ${equal}.`, `同一字段，这次类型相同：${a} === ${b} 为 ${equal}。`)
        : l(`Same field, other type: in JavaScript ${a} === ${b} is ${equal}.`, `同一字段，类型不同：在 JavaScript 中 ${a} === ${b} 为 ${equal}。`),
    });
  }
  const numeric = typeof token.data.expires_in === "number";
  const stateBack = "state" in body;
  facts.push({
    label: "state",
    value: stateBack ? JSON.stringify(body.state) : l("(absent)", "（未返回）"),
    note: l("The result table lists state, but client_credentials sends none and gets none back.", "文档的返回参数表列出了 state，但 client_credentials 不发送也不会收到 state。"),
  });
  return {
    status: "success",
    summary: l(
      `Token issued; expires_in is ${numeric ? "a number" : "a string"} here${numeric ? "" : " (the document's method two has the number 7200)"}, and ${stateBack ? "a state came back, which the document's example does not show" : "no state comes back"}.`,
      `已获得 token；这里 expires_in 是${numeric ? "数字" : "字符串"}${numeric ? "" : "（文档中方法二为数字 7200）"}，${stateBack ? "还返回了 state，文档示例中没有" : "也没有返回 state"}。`,
    ),
    values: { access_token: token.data.access_token },
    facts,
    quirks: ["expires-in-string-vs-number", "method-two-state"],
  };
}
