import type { RawResponse } from "../exchange/exchange.ts";
import { l, type Localized } from "../i18n/localized.ts";
import type { Fact, Params, ShownOutcome } from "./types.ts";

/** A random, URL-safe state for CSRF protection. Generated once per page load so it stays put while edited. */
export function randomState(length = 12): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => "abcdefghijklmnopqrstuvwxyz0123456789"[b % 36]).join("");
}

export const basicAuth = (id: string, secret: string) =>
  `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`)))}`;

/** A plain JSON object's fields, or undefined for anything else (an array, a string, nothing). */
export const jsonObject = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : undefined;

export interface FieldFactOptions {
  /** Per field, something to watch out for (shown as a warning). */
  notes?: Record<string, Localized>;
  /** Per field, what it is, plainly (shown muted). */
  hints?: Record<string, Localized>;
  /** Fields that hold a validity in seconds (expires_in): their fact carries the expiry, counted from `now`. */
  expiresIn?: string[];
  /** The virtual clock when the answer came (the outcome context's `now`). */
  now?: number | undefined;
}

const JSON_TYPE_ZH: Record<string, string> = { string: "字符串", number: "数字", boolean: "布尔值", object: "对象", array: "数组", null: "空值 null" };

/** A field's fact label with its JSON type: "expires_in (number)" / "expires_in（数字）". */
export const typedLabel = (name: string, type: string): Localized => l(`${name} (${type})`, `${name}（${JSON_TYPE_ZH[type] ?? type}）`);

/** A fact label's English text, the one code compares (the field's name comes first). */
export const labelEn = (label: Fact["label"]): string => (typeof label === "string" ? label : label.en);

const readsAsAnotherType = (text: string) => text === "" || /^-?\d+(\.\d+)?$/.test(text) || text === "true" || text === "false" || text === "null";

/** A fact per top-level field of a JSON body, showing its JSON type when the document is picky about it. */
export function fieldFacts(body: unknown, { notes = {}, hints = {}, expiresIn = [], now }: FieldFactOptions = {}): Fact[] {
  return Object.entries(jsonObject(body) ?? {}).map(([name, value]) => {
    // A string that would read as a number, a boolean, null or nothing is shown in quotes, as
    // "7200" and "0": the type is what the document is picky about, so the value must show it.
    const text = typeof value === "string" ? (readsAsAnotherType(value) ? JSON.stringify(value) : value) : JSON.stringify(value);
    const fact: Fact = { label: typedLabel(name, value === null ? "null" : Array.isArray(value) ? "array" : typeof value), value: text };
    if (notes[name]) fact.note = notes[name];
    if (hints[name]) fact.hint = hints[name];
    const seconds = typeof value === "number" || typeof value === "string" ? Number(value) : NaN;
    if (expiresIn.includes(name) && Number.isFinite(seconds) && now !== undefined) fact.expiresAt = now + seconds;
    return fact;
  });
}

/** A step's summary when nothing went out (a builder refused before sending). */
export const noRequest = l("No request was sent", "没有发送请求");

/** The common "HTTP error with the provider's envelope" outcome. */
export function errorOutcome(response: RawResponse | undefined, json: unknown, describe?: (body: Record<string, unknown>) => string): ShownOutcome {
  const body = jsonObject(json);
  const text = body && describe ? describe(body) : response ? `HTTP ${response.status} ${response.statusText}` : undefined;
  return { status: "error", summary: text === undefined ? noRequest : l(text, text), facts: fieldFacts(json) };
}

/** A fact per query parameter (a redirect's), with an expiry where a lifetime is known (e.g. a code's, from the fixtures). */
export function queryFacts(query: URLSearchParams, lifetimes: Record<string, number | undefined> = {}, now?: number): Fact[] {
  return [...query].map(([label, value]) => {
    const lifetime = lifetimes[label];
    return lifetime === undefined || now === undefined ? { label, value } : { label, value, expiresAt: now + lifetime };
  });
}

/** The named parameters of a step, as values to keep (a setup step's or a navigate step's `save`). */
export function pickParams<K extends string>(ctx: { params: Params }, ...names: K[]): Record<K, string> {
  return Object.fromEntries(names.map((name) => [name, ctx.params[name] ?? ""])) as Record<K, string>;
}

/** A 2xx whose body is not the documented shape: said plainly, with where it differs. */
export function unexpectedBody(response: RawResponse | undefined, issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): ShownOutcome {
  const where = issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join(".") || "(body)"}: ${i.message}`)
    .join("; ");
  const status = response ? `HTTP ${response.status}` : "No answer";
  return {
    status: "error",
    summary: l(`${status}, but the body is not what the document shows — ${where}`, `${status}，但返回体与文档不符 —— ${where}`),
  };
}
