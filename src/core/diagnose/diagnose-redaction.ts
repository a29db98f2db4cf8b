import type { Exchange, Header, RawRequest, RawResponse } from "../exchange/exchange.ts";
import { redactBody, redactHeader, redactText, type Labeler, type SecretFieldNames, type Secrets } from "../exchange/redact.ts";
import type { Localized } from "../i18n/localized.ts";
import type { DiffOp, Evidence, Finding } from "./types.ts";

/**
 * What the diagnoser shows, redacted for the screen with the same functions as every other
 * view (redact.ts): the pasted evidence and its replay are read as exchanges, so their
 * secrets are collected like the traffic's, and each of its views is redacted from them.
 */

const exchange = (id: number, request: RawRequest, response: RawResponse): Exchange => ({ id, provider: "", initiator: "fetch", startedAt: 0, virtualTime: 0, durationMs: 0, request, response });
const NO_REQUEST: RawRequest = { method: "GET", url: "", headers: [], body: "" };
const NO_RESPONSE: RawResponse = { status: 0, statusText: "", headers: [], body: "" };

/** The pasted evidence (a request, or an answer) and what its replay sent and got, as exchanges. */
export function evidenceExchanges(ev: Evidence, replayed?: { request: RawRequest; response: RawResponse }): Exchange[] {
  const answer = ev.kind === "http-response" || ev.kind === "body";
  const pasted = answer
    ? exchange(-1, NO_REQUEST, { status: ev.status ?? 200, statusText: "", headers: ev.headers, body: ev.body ?? "" })
    : exchange(-1, { method: ev.method ?? "GET", url: ev.url?.raw ?? "", headers: ev.headers, body: ev.body ?? "" }, NO_RESPONSE);
  return replayed ? [pasted, exchange(-2, replayed.request, replayed.response)] : [pasted];
}

/** One row of the parsed request or response: `as` says how its value is written (a header's, a decoded parameter, JSON). */
export interface ParsedRow {
  where: string;
  name: string;
  value: string;
  as: "header" | "text" | "json";
}

export interface Parsed {
  /** The request line (method, origin and path) or the status line. */
  head: string;
  rows: ParsedRow[];
}

const JSON_HEADERS: Header[] = [["content-type", "application/json"]];

/** What the parsed table shows of the evidence. */
export function parsedOf(ev: Evidence): Parsed {
  const rows: ParsedRow[] = [];
  const text = (where: string, [name, value]: [string, string]) => rows.push({ where, name, value, as: "text" });
  for (const pair of ev.url?.query ?? []) text("query", pair);
  for (const pair of ev.url?.fragment ?? []) text("fragment", pair);
  for (const [name, v] of ev.bodyParams ?? []) rows.push(typeof v === "string" ? { where: `body (${ev.bodyEncoding})`, name, value: v, as: "text" } : { where: `body (${ev.bodyEncoding})`, name, value: JSON.stringify(v), as: "json" });
  for (const [name, value] of ev.headers) rows.push({ where: "header", name, value, as: "header" });
  if (ev.json !== undefined && !ev.bodyParams && ev.json && typeof ev.json === "object")
    for (const [name, v] of Object.entries(ev.json)) rows.push({ where: ev.jsonpCallback ? `JSONP ${ev.jsonpCallback}(…)` : "JSON", name, value: JSON.stringify(v), as: "json" });
  const head = ev.status !== undefined ? `HTTP ${ev.status}` : ev.url ? `${ev.method ?? "(URL)"} ${ev.url.origin}${ev.url.path}` : "";
  return { head, rows };
}

/** A row's value as the screen shows it: hidden whole under a secret name (whatever its length), otherwise every known secret in it replaced. */
function redactRow(row: ParsedRow, secrets: Secrets, fields: SecretFieldNames, labeler: Labeler): string {
  if (row.as === "header") return redactHeader(row.name, row.value, secrets, fields, labeler);
  const secret = fields.has(row.name.toLowerCase()) && row.value !== "";
  if (row.as === "text") return secret ? labeler(row.value, row.name) : redactText(row.value, secrets, labeler);
  const parsed = JSON.parse(row.value) as unknown;
  if (secret && typeof parsed === "string") return JSON.stringify(labeler(parsed, row.name));
  if (secret && (typeof parsed === "number" || typeof parsed === "boolean")) return labeler(row.value, row.name);
  // An object or array: its own secret fields (at any depth) and every known secret.
  return redactBody(JSON_HEADERS, row.value, secrets, fields, labeler);
}

export function redactParsed(parsed: Parsed, secrets: Secrets, fields: SecretFieldNames, labeler: Labeler): Parsed {
  return { head: redactText(parsed.head, secrets, labeler), rows: parsed.rows.map((row) => ({ ...row, value: redactRow(row, secrets, fields, labeler) })) };
}

/** A finding as shown: a character diff whose sides held a secret keeps the redacted sides and drops its marks (they would spell the secret). */
export interface ShownFinding extends Omit<Finding, "diff"> {
  diff?: { expected: string; actual: string; ops?: DiffOp[] };
}

const redactLocalized = (text: Localized, secrets: Secrets, labeler: Labeler): Localized => ({ en: redactText(text.en, secrets, labeler), zh: redactText(text.zh, secrets, labeler) });

export function redactFinding(finding: Finding, secrets: Secrets, labeler: Labeler): ShownFinding {
  const { diff } = finding;
  const expected = diff && redactText(diff.expected, secrets, labeler);
  const actual = diff && redactText(diff.actual, secrets, labeler);
  return {
    ...finding,
    message: redactLocalized(finding.message, secrets, labeler),
    fix: finding.fix && redactLocalized(finding.fix, secrets, labeler),
    source: finding.source && redactText(finding.source, secrets, labeler),
    diff: diff && (expected === diff.expected && actual === diff.actual ? diff : { expected: expected!, actual: actual! }),
  };
}

/**
 * The names the evidence gives its values (a parameter's, an Authorization credential's), so a
 * value a finding's sentence carries is offered as "Reveal code", not by its fingerprint.
 */
export function valueNames(ev: Evidence): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  for (const row of parsedOf(ev).rows) {
    if (row.as === "text" && row.value && !names.has(row.value)) names.set(row.value, row.name);
    const credential = row.as === "header" && /^(?:proxy-)?authorization$/i.test(row.name) ? /^\S+\s+(\S.*)$/.exec(row.value)?.[1] : undefined;
    if (credential) names.set(credential, row.name.toLowerCase());
  }
  if (ev.basicAuth?.password) names.set(ev.basicAuth.password, "authorization");
  return names;
}

export interface FindingsOf {
  findings: Finding[];
  names: ReadonlyMap<string, string>;
}

/** Findings as shown (one list, so one set of Reveal buttons for all of them), each hidden value named after the field the evidence has it in. */
export const redactFindings = ({ findings, names }: FindingsOf, secrets: Secrets, _fields: SecretFieldNames, labeler: Labeler): ShownFinding[] =>
  findings.map((f) => redactFinding(f, secrets, (value, field) => labeler(value, field ?? names.get(value))));
