import type { Exchange, Header, RawRequest, RawResponse } from "./exchange.ts";
import { headerValue } from "./exchange.ts";
import { formEncode, spellings } from "./encodings.ts";
import { fingerprint } from "./fingerprint.ts";
import { jsonSlots, pairSlots, urlSlots, type Slot } from "./slots.ts";

/**
 * Redaction for everything that leaves the playground (HAR, support bundle, curl,
 * permalink) and for what the screen shows. A value is secret for what its field *is*
 * (a name from a provider's contract, an Authorization credential, a cookie) and is then
 * replaced wherever it appears, in every spelling a browser, curl or a JSON writer gives it.
 */

/** Lower-cased field names whose values are secret: every contract's `secrets.fields`, plus a flow's `secret: true` params. */
export type SecretFieldNames = ReadonlySet<string>;

export function secretFieldNames(contracts: Iterable<{ secrets?: { fields: string[] } | undefined }>, extra: Iterable<string> = []): SecretFieldNames {
  const names = new Set<string>();
  for (const c of contracts) for (const f of c.secrets?.fields ?? []) names.add(f.toLowerCase());
  for (const f of extra) names.add(f.toLowerCase());
  return names;
}

export const redactedLabel = (value: string) => `[redacted#${fingerprint(value)}]`;
/** Finds labels in redacted text (e.g. to offer a per-value reveal). */
export const LABEL_PATTERN = /\[redacted#[0-9a-f]{8}\]/g;
const IS_LABEL = /^\[redacted#[0-9a-f]{8}\]$/;

/** Shorter values are redacted where their field stands, not searched for in free text: "abc" would match ordinary words. */
export const FREE_TEXT_MIN_LENGTH = 4;

const TOKEN_CHAR = "A-Za-z0-9_.~+/%-";
const SIMPLE = new RegExp(`^[${TOKEN_CHAR}]*[${TOKEN_CHAR.replace(".", "")}]$`);
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");

/** Spellings mapped back to the secret they spell. */
interface Matcher {
  pattern: RegExp;
  simple: Map<string, string>;
  complex: Map<string, string>;
}

/** How a redacted value is written: its label, or (for a replay script) a placeholder of its own. */
export type Labeler = (value: string, field: string | undefined) => string;

/** The secret values collected so far; immutable, so a new one means new secrets (cheap to compare in a render). */
export class Secrets {
  static readonly none = new Secrets(new Set());
  private matcher: Matcher | undefined;

  /**
   * `grown` is what these secrets grew from: its matcher, once built, is extended with the
   * added values instead of being built again (the traffic's secrets grow a batch at a
   * time). Let go once the matcher is built. Labels are shared along the way (an HMAC each).
   */
  private constructor(
    readonly values: ReadonlySet<string>,
    private grown?: { from: Secrets; added: string[] },
    private readonly labels = new Map<string, string>(),
  ) {}

  static of(values: Iterable<string>): Secrets {
    return Secrets.none.with(values);
  }

  /** These secrets and the given values; `this` itself when nothing is new. */
  with(values: Iterable<string>): Secrets {
    let next: Set<string> | undefined;
    const added: string[] = [];
    for (const v of values) {
      if (!v || this.values.has(v) || next?.has(v) || IS_LABEL.test(v)) continue;
      (next ??= new Set(this.values)).add(v);
      added.push(v);
    }
    return next ? new Secrets(next, { from: this, added }, this.labels) : this;
  }

  label(value: string): string {
    let label = this.labels.get(value);
    if (!label) this.labels.set(value, (label = redactedLabel(value)));
    return label;
  }

  /** The value behind a label, if it is one of these secrets. */
  reveal(label: string): string | undefined {
    for (const v of this.values) if (this.label(v) === label) return v;
    return undefined;
  }

  /** One pass over a text: whole tokens looked up in a map; spellings with other characters through one alternation. */
  freeText(text: string, labeler: Labeler = (v) => this.label(v)): string {
    const m = (this.matcher ??= this.buildMatcher());
    if (m.simple.size === 0 && m.complex.size === 0) return text;
    return text.replace(m.pattern, (found: string, offset: number, whole: string) => {
      const complex = m.complex.get(found);
      if (complex) return labeler(complex, undefined);
      const after = whole.slice(offset + found.length, offset + found.length + 64);
      if (/^\s*=|^"\s*:/.test(after)) return found; // a key, not a value: `password=`, `"secret":`
      const direct = m.simple.get(found);
      if (direct) return labeler(direct, undefined);
      const trimmed = found.replace(/\.+$/, "");
      const value = m.simple.get(trimmed);
      return value ? labeler(value, undefined) + found.slice(trimmed.length) : found;
    });
  }

  private buildMatcher(): Matcher {
    const base = this.grown?.from.matcher;
    const simple = new Map(base?.simple);
    const complex = new Map(base?.complex);
    const complexBefore = complex.size;
    for (const value of base ? this.grown!.added : this.values) {
      if (value.length < FREE_TEXT_MIN_LENGTH) continue;
      for (const spelling of spellings(value)) (SIMPLE.test(spelling) ? simple : complex).set(spelling, value);
    }
    this.grown = undefined;
    // The pattern depends on the complex spellings only: tokens of plain characters are looked up in `simple`.
    if (base && complex.size === complexBefore) return { pattern: base.pattern, simple, complex };
    const token = new RegExp(`[${TOKEN_CHAR}]`);
    const alternatives = [...complex.keys()]
      .sort((a, b) => b.length - a.length)
      .map((s) => `${token.test(s[0]!) ? `(?<![${TOKEN_CHAR}])` : ""}${escapeRegExp(s)}${token.test(s.at(-1)!) ? `(?![${TOKEN_CHAR.replace(".", "")}]|\\.[A-Za-z0-9]|\\s*=|"\\s*:)` : ""}`);
    return { pattern: new RegExp([...alternatives, `[${TOKEN_CHAR}]+`].join("|"), "g"), simple, complex };
  }
}

const isSecret = (slot: Slot, fields: SecretFieldNames) => slot.secret === true || (slot.name !== undefined && fields.has(slot.name.toLowerCase()));

/** In a URL a label's `#` would start a fragment. */
const inUrl = (value: string) => formEncode(value).replace(/%5Bredacted%23([0-9a-f]{8})%5D/g, "[redacted%23$1]");
const inForm = (value: string) => formEncode(value).replace(/%5Bredacted%23([0-9a-f]{8})%5D/g, "[redacted#$1]");
const raw = (value: string) => value;

function looksJson(headers: Header[], body: string): boolean {
  const type = (headerValue(headers, "content-type") ?? "").toLowerCase();
  return type.includes("json") || type.includes("javascript") || /^\s*(?:[[{]|[\w$.]+\s*\()/.test(body);
}

function looksForm(headers: Header[], body: string): boolean {
  const type = (headerValue(headers, "content-type") ?? "").toLowerCase();
  return type.includes("x-www-form-urlencoded") || (!type && /^[^\s=&]+=/.test(body));
}

function bodySlots(headers: Header[], body: string): Slot[] {
  if (!body) return [];
  if (looksJson(headers, body)) return jsonSlots(body);
  if (looksForm(headers, body)) return pairSlots(body, 0, inForm);
  return [];
}

function headerSlots(name: string, value: string): Slot[] {
  const lower = name.toLowerCase();
  if (lower === "authorization" || lower === "proxy-authorization") {
    const space = value.indexOf(" ");
    const start = space < 0 ? 0 : space + 1;
    return value.slice(start).trim() ? [{ start, end: value.length, name: lower, value: value.slice(start), secret: true, write: raw }] : [];
  }
  if (lower === "cookie" || lower === "set-cookie") {
    const pairs = lower === "cookie" ? value.split(";") : [value.split(";")[0]!];
    const slots: Slot[] = [];
    let at = 0;
    for (const pair of pairs) {
      const eq = pair.indexOf("=");
      if (eq > 0 && eq < pair.length - 1) slots.push({ start: at + eq + 1, end: at + pair.length, name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1), secret: true, write: raw });
      at += pair.length + 1;
    }
    return slots;
  }
  if (lower === "location" || lower === "content-location") return urlSlots(value, inUrl);
  return [];
}

/** HTTP Basic's base64 carries the password in clear: it is a secret of its own wherever else it shows. */
export function basicCredentials(authorization: string): { user: string; password: string } | undefined {
  const match = /^\s*Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization);
  if (!match) return undefined;
  try {
    const decoded = new TextDecoder().decode(Uint8Array.from(atob(match[1]!), (c) => c.charCodeAt(0)));
    const colon = decoded.indexOf(":");
    return colon < 0 ? undefined : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  } catch {
    return undefined;
  }
}

function collectSlots(slots: Slot[], fields: SecretFieldNames, into: string[]) {
  for (const slot of slots) if (isSecret(slot, fields) && slot.value) into.push(slot.value);
}


/**
 * The secrets the exchanges carry, added to `known` (values the flow holds, or what an
 * earlier call collected: pass only the new exchanges to keep it incremental).
 */
export function collectSecrets(exchanges: Iterable<Exchange>, fields: SecretFieldNames, known: Secrets = Secrets.none): Secrets {
  const found: string[] = [];
  for (const e of exchanges) {
    collectSlots(urlSlots(e.request.url, inUrl), fields, found);
    collectSlots(bodySlots(e.request.headers, e.request.body), fields, found);
    collectSlots(bodySlots(e.response.headers, e.response.body), fields, found);
    for (const [name, value] of [...e.request.headers, ...e.response.headers]) {
      collectSlots(headerSlots(name, value), fields, found);
      if (fields.has(name.toLowerCase()) && value) found.push(value);
      const basic = /authorization$/i.test(name) ? basicCredentials(value) : undefined;
      if (basic?.password) found.push(basic.password);
    }
  }
  return known.with(found);
}

/** A request's parameters as sent (query, fragment, form or JSON body), decoded, in order. */
export function requestParams(request: { url: string; headers: Header[]; body: string }): Array<[name: string, value: string]> {
  return [...urlSlots(request.url, inUrl), ...bodySlots(request.headers, request.body)].flatMap((s) => (s.name === undefined ? [] : [[s.name, s.value] as [string, string]]));
}

/** Free text (a summary, a page, anything without structure): every known secret, in every spelling, as a whole token. */
export function redactText(text: string, secrets: Secrets, labeler?: Labeler): string {
  return secrets.freeText(text, labeler);
}

/** A text with its slots: secret ones replaced by their label, the others and the text between them searched for secrets. */
function redactWithSlots(text: string, slots: Slot[], secrets: Secrets, fields: SecretFieldNames, labeler: Labeler): string {
  let out = "";
  let at = 0;
  for (const slot of [...slots].sort((a, b) => a.start - b.start)) {
    if (slot.start < at) continue;
    out += secrets.freeText(text.slice(at, slot.start), labeler);
    const original = text.slice(slot.start, slot.end);
    if (isSecret(slot, fields) && slot.value) out += slot.write(labeler(slot.value, slot.name));
    else {
      const cleaned = secrets.freeText(slot.value, labeler);
      out += cleaned === slot.value ? original : slot.write(cleaned);
    }
    at = slot.end;
  }
  return out + secrets.freeText(text.slice(at), labeler);
}

/** A URL with its secret query and fragment values replaced (a traffic row shows no more than this). */
export function redactUrl(url: string, secrets: Secrets, fields: SecretFieldNames, labeler: Labeler = (v) => secrets.label(v)): string {
  return redactWithSlots(url, urlSlots(url, inUrl), secrets, fields, labeler);
}

/** A header's value with its credential, cookies or URL values replaced. */
export function redactHeader(name: string, value: string, secrets: Secrets, fields: SecretFieldNames, labeler: Labeler = (v) => secrets.label(v)): string {
  return fields.has(name.toLowerCase()) && value ? labeler(value, name) : redactWithSlots(value, headerSlots(name, value), secrets, fields, labeler);
}

/** A body with its secret fields (JSON, JSONP, form) and every known secret replaced. */
export function redactBody(headers: Header[], body: string, secrets: Secrets, fields: SecretFieldNames, labeler: Labeler = (v) => secrets.label(v)): string {
  return redactWithSlots(body, bodySlots(headers, body), secrets, fields, labeler);
}

const redactHeaders = (list: Header[], secrets: Secrets, fields: SecretFieldNames, labeler: Labeler): Header[] => list.map(([name, value]) => [name, redactHeader(name, value, secrets, fields, labeler)]);

/** A request with every secret replaced: its URL, headers and body. */
export function redactRequest<R extends RawRequest>(request: R, secrets: Secrets, fields: SecretFieldNames, labeler: Labeler = (v) => secrets.label(v)): R {
  return { ...request, url: redactUrl(request.url, secrets, fields, labeler), headers: redactHeaders(request.headers, secrets, fields, labeler), body: redactBody(request.headers, request.body, secrets, fields, labeler) };
}

/** A response with every secret replaced: its headers and body (JSON, JSONP, form or text). */
export function redactResponse<R extends RawResponse>(response: R, secrets: Secrets, fields: SecretFieldNames, labeler: Labeler = (v) => secrets.label(v)): R {
  return { ...response, headers: redactHeaders(response.headers, secrets, fields, labeler), body: redactBody(response.headers, response.body, secrets, fields, labeler) };
}

/** One exchange with every secret replaced; cheap enough to run per visible exchange on each render. */
export function redactExchange(e: Exchange, secrets: Secrets, fields: SecretFieldNames, labeler: Labeler = (v) => secrets.label(v)): Exchange {
  return { ...e, request: redactRequest(e.request, secrets, fields, labeler), response: redactResponse(e.response, secrets, fields, labeler) };
}

/** Exchanges with secrets and tokens replaced by fingerprints, wherever they appear (equal values, equal labels). */
export function redactExchanges(exchanges: readonly Exchange[], fields: SecretFieldNames, known: Secrets = Secrets.none): Exchange[] {
  const secrets = collectSecrets(exchanges, fields, known);
  return exchanges.map((e) => redactExchange(e, secrets, fields));
}
