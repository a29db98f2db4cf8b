import { z } from "zod";
import { l, type Localized } from "../../../core/i18n/localized.ts";
import { fieldFacts, noRequest, typedLabel, type FieldFactOptions } from "../../../core/wizard/helpers.ts";
import type { Fact, Outcome } from "../../../core/wizard/types.ts";
import type { OpenplatformValues } from "./values.ts";

/** Every answer of the document: {status, message, data}; status is 2000 or "2000" on success, "4102" on failure. */
const envelopeSchema = z.object({ status: z.union([z.string(), z.number()]), message: z.string(), data: z.unknown() });
export type Envelope = z.infer<typeof envelopeSchema>;

export const envelope = (json: unknown): Envelope | undefined => envelopeSchema.safeParse(json).data;
/** "2000" or 2000: the document uses both. */
export const isOk = (json: unknown): boolean => String(envelope(json)?.status) === "2000";
/** A successful envelope's data in the shape a step needs, or undefined. */
export const dataOf = <T>(schema: z.ZodType<T>, json: unknown): T | undefined => (isOk(json) ? schema.safeParse(envelope(json)?.data).data : undefined);

export const tokenData = z.object({ open_id: z.string(), access_token: z.string(), refresh_token: z.string() });
export const serverTokenData = z.object({ access_token: z.string() });
export const ticketData = z.object({ ticket: z.string() });
export const checkData = z.object({ expires_in: z.number() });

export function statusFact(json: unknown): Fact {
  const status = envelope(json)?.status;
  const kind = typeof status;
  const note: Localized =
    kind === "number"
      ? l('A number here (the document\'s /OAuth2/token example); the string "2000" everywhere else: compare with String(status) === "2000".', '这里是数字（文档 /OAuth2/token 示例）；其他地方都是字符串 "2000"：比较时用 String(status) === "2000"。')
      : status === "2000"
        ? l('A string here; /OAuth2/token answers the number 2000: compare with String(status) === "2000".', '这里是字符串；/OAuth2/token 返回的是数字 2000：比较时用 String(status) === "2000"。')
        : l('Every failure is the string "4102"; any other non-2000 status is an error too.', '所有失败都是字符串 "4102"；其他非 2000 的 status 也是错误。');
  return { label: typedLabel("status", kind), value: kind === "string" ? `"${String(status)}"` : String(status), note };
}

/** Facts for the whole envelope: status with its JSON type, message, then data's fields. */
export function envelopeFacts(json: unknown, options: FieldFactOptions = {}): Fact[] {
  const env = envelope(json);
  if (!env) return fieldFacts(json);
  const inner = fieldFacts(env.data, options).map((f) => ({ ...f, label: typeof f.label === "string" ? `data.${f.label}` : l(`data.${f.label.en}`, `data.${f.label.zh}`) }));
  const dataFact: Fact[] = Array.isArray(env.data) ? [{ label: typedLabel("data", "array"), value: JSON.stringify(env.data), note: l("An empty array on failure, an object on success.", "失败时是空数组，成功时是对象。") }] : [];
  return [statusFact(json), { label: "message", value: env.message }, ...dataFact, ...inner];
}

/** A failed envelope (status "4102" with HTTP 200) or a transport error. */
export function failure(response: { status: number; statusText: string } | undefined, json: unknown, extra: Partial<Outcome<OpenplatformValues>> = {}): Outcome<OpenplatformValues> {
  const env = envelope(json);
  const http = response && `HTTP ${response.status} ${response.statusText}`;
  const summary = env ? l(`status ${JSON.stringify(env.status)}: ${env.message}`, `status ${JSON.stringify(env.status)}：${env.message}`) : http ? l(http, http) : noRequest;
  return { status: "error", summary, facts: envelopeFacts(json), quirks: ["status-4102-string"], ...extra };
}

/**
 * checkCode's expires_in: an absolute Unix timestamp (the document's 1654576906 is 2022-06-07), shown as a
 * date with the time left worked out live by the outcome view.
 */
export function expiresAtFact(label: Fact["label"], at: number, note = l("An absolute Unix timestamp, not a duration.", "这是绝对的 Unix 时间戳，不是时长。")): Fact {
  return { label, value: String(at), unixTime: true, expiresAt: at, note };
}
