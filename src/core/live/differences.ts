import { headerValue, type RawRequest, type RawResponse } from "../exchange/exchange.ts";
import { parseJsonOrJsonp } from "../exchange/jsonp.ts";
import { l, type Localized } from "../i18n/localized.ts";
import type { DocumentedAnswer, ProviderContract } from "../provider/contract.ts";

/** One way a real server's answer differs from what the document shows. */
export interface Difference {
  /** The field it is about (dotted for nested ones), when it is about one. */
  field?: string;
  text: Localized;
}

type Judge = Pick<ProviderContract, "answers" | "schemas">;

/** What was asked: the documented path below the target's base, and the parameters from the query and a form body. */
export interface AskedFor {
  method: string;
  path: string;
  params: URLSearchParams;
}

/** What came back, already read: the status (absent for JSONP, which has none a page can see) and the body's JSON. */
export interface GotBack {
  status?: number;
  json: unknown;
}

/** The request an exchange made, as the document names it: its URL taken below `base`. */
export function askedFor(request: Pick<RawRequest, "method" | "url" | "headers" | "body">, base: string): AskedFor {
  const url = new URL(request.url);
  const below = new URL(base).pathname.replace(/\/+$/, "");
  const path = url.pathname.startsWith(below) ? url.pathname.slice(below.length) || "/" : url.pathname;
  const params = new URLSearchParams(url.search);
  const type = headerValue(request.headers, "content-type") ?? "";
  if (/application\/x-www-form-urlencoded/i.test(type)) for (const [k, v] of new URLSearchParams(request.body)) params.append(k, v);
  if (/json/i.test(type)) for (const [k, v] of Object.entries(jsonObject(request.body))) if (typeof v === "string") params.append(k, v);
  return { method: request.method.toUpperCase(), path, params };
}

function jsonObject(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

/** A documented path, where `{name}` stands for one segment of any value (Easemob's /{org_name}/{app_name}/token). */
const pathMatches = (template: string, path: string) =>
  new RegExp(`^${template.split(/\{[^/}]+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, "\\$&")).join("[^/]+")}$`).test(path);

export const gotBack = (response: Pick<RawResponse, "status" | "body">): GotBack => ({ status: response.status, json: parseJsonOrJsonp(response.body) });

/** The document's answer to a request, if it shows one: same method and path, and every `when` parameter as given. */
export function documentedAnswerFor(contract: Judge, asked: AskedFor): DocumentedAnswer | undefined {
  return contract.answers?.find(
    ({ request }) =>
      request.method === asked.method && pathMatches(request.path, asked.path) && Object.entries(request.when ?? {}).every(([name, value]) => asked.params.get(name) === value),
  );
}

const kindOf = (value: unknown): string => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);
const KIND = {
  string: l("a string", "字符串"),
  number: l("a number", "数字"),
  boolean: l("a boolean", "布尔值"),
  object: l("an object", "对象"),
  array: l("an array", "数组"),
  null: l("null", "null"),
  undefined: l("nothing", "空"),
} as Record<string, Localized>;
const kind = (value: unknown) => KIND[kindOf(value)] ?? l(kindOf(value), kindOf(value));
const shown = (value: unknown) => (typeof value === "string" ? `'${value}'` : JSON.stringify(value));
const isRecord = (value: unknown): value is Record<string, unknown> => kindOf(value) === "object";

function compareFields(example: Record<string, unknown>, got: Record<string, unknown>, fixed: ReadonlySet<string>, prefix: string, out: Difference[]): void {
  for (const [name, want] of Object.entries(example)) {
    const field = prefix + name;
    if (!Object.hasOwn(got, name)) {
      out.push({ field, text: l(`no ${field}`, `没有 ${field}`) });
      continue;
    }
    const value = got[name];
    if (kindOf(value) !== kindOf(want)) {
      const [is, was] = [kind(value), kind(want)];
      out.push({ field, text: l(`${field} is ${is.en} (${shown(value)}); the document's is ${was.en} (${shown(want)})`, `${field} 是${is.zh}（${shown(value)}）；文档中是${was.zh}（${shown(want)}）`) });
    } else if (isRecord(want) && isRecord(value)) {
      compareFields(want, value, fixed, `${field}.`, out);
    } else if (fixed.has(field) && value !== want) {
      out.push({
        field,
        text:
          typeof want === "number"
            ? l(`${field} ${shown(value)}; the document's example is ${shown(want)}`, `${field} 为 ${shown(value)}；文档示例为 ${shown(want)}`)
            : l(`${field} is ${shown(value)}; the document shows ${shown(want)}`, `${field} 是 ${shown(value)}；文档中是 ${shown(want)}`),
      });
    }
  }
  for (const name of Object.keys(got)) {
    if (!Object.hasOwn(example, name)) out.push({ field: prefix + name, text: l(`extra field ${prefix + name} (not in the document's example)`, `多出字段 ${prefix + name}（文档示例中没有）`) });
  }
}

/**
 * How a real answer differs from the document's answer to the same request; undefined when the
 * document shows no answer to it. An error answer is held to the provider's error envelopes (the
 * error explanations say the rest); a success to the status, the format and the example's fields.
 */
export function differencesFromDocument(contract: Judge, asked: AskedFor, got: GotBack): Difference[] | undefined {
  const documented = documentedAnswerFor(contract, asked);
  if (!documented) return undefined;
  const isError = (got.status !== undefined && got.status >= 400) || contract.schemas.errors.some((schema) => schema.safeParse(got.json).success);
  if (isError) {
    const inEnvelope = contract.schemas.errors.some((schema) => schema.safeParse(got.json).success);
    return inEnvelope ? [] : [{ text: l("The error answer is not in any of the document's error envelopes.", "错误应答不符合文档中的任何错误格式。") }];
  }
  const out: Difference[] = [];
  if (got.status !== undefined && got.status !== documented.status) out.push({ text: l(`status ${got.status}; the document's is ${documented.status}`, `状态码 ${got.status}；文档中是 ${documented.status}`) });
  if (!isRecord(got.json)) {
    const format = documented.format === "jsonp" ? "JSONP" : "JSON";
    out.push({ text: l(`The answer is not the ${format} object the document shows.`, `应答不是文档所示的 ${format} 对象。`) });
    return out;
  }
  compareFields(documented.example, got.json, new Set(documented.fixed), "", out);
  return out;
}
