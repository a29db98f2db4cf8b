import type { Fixtures } from "../api/control.ts";
import { headerValue } from "../exchange/exchange.ts";
import { charDiff, closest, isNearMiss } from "./diff.ts";
import { documentExample, exampleFindings } from "./document-examples.ts";
import { asText, type Match } from "./match-endpoint.ts";
import { fm } from "./messages.ts";
import { clientField, registeredClients, type RegisteredClient } from "./registered-clients.ts";
import type { Evidence, Finding, ParamSpec } from "./types.ts";

const typeName = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

function diffFinding(severity: Finding["severity"], message: Finding["message"], expected: string, actual: string, fix?: Finding["fix"]): Finding {
  return { severity, message, fix, diff: { expected, actual, ops: charDiff(expected, actual) } };
}

function checkTransport(ev: Evidence, match: Match): Finding[] {
  const { endpoint } = match;
  const findings: Finding[] = [];
  if (!match.exact) findings.push({ severity: "error", message: fm.pathCase(match.path, endpoint.path) });
  if (ev.method && ev.method !== endpoint.method) findings.push({ severity: "error", message: fm.method(ev.method, endpoint.method) });
  if (!ev.method && endpoint.transport === "fetch") findings.push({ severity: "info", message: fm.bareUrl(endpoint.method) });
  const query = ev.url?.query ?? [];
  if (endpoint.method === "POST" && query.length > 0 && !endpoint.encodings.includes("query")) findings.push({ severity: "warning", message: fm.queryNotBody });
  if (endpoint.method === "POST" && query.some(([k]) => /secret/.test(k)) && endpoint.encodings.includes("query")) findings.push({ severity: "info", message: fm.secretsInQuery });
  if (ev.body) {
    const type = headerValue(ev.headers, "content-type") ?? "";
    const wantTypes = endpoint.encodings.filter((e) => e !== "query").map((e) => (e === "json" ? "application/json" : "application/x-www-form-urlencoded"));
    if (ev.bodyLooksJson && ev.bodyEncoding === "form") findings.push({ severity: "error", message: fm.jsonAsForm });
    else if (ev.bodyEncoding && (ev.bodyEncoding === "other" || !endpoint.encodings.includes(ev.bodyEncoding)))
      findings.push({ severity: "error", message: fm.wrongContentType(type || ev.bodyEncoding, wantTypes.join(" / ") || "no body") });
  }
  for (const h of endpoint.headers ?? []) {
    const got = headerValue(ev.headers, h.name);
    if (got === undefined) findings.push({ severity: "warning", message: fm.missingHeader(h.name, h.value) });
    else if (!got.toLowerCase().startsWith(h.value.toLowerCase())) findings.push({ severity: h.name.toLowerCase() === "content-type" ? "error" : "warning", message: fm.wrongHeader(h.name, got, h.value) });
  }
  const auth = headerValue(ev.headers, "authorization");
  if (endpoint.auth) {
    const scheme = auth?.split(/\s+/, 1)[0];
    if (!auth) {
      if (endpoint.auth.required) findings.push({ severity: "error", message: fm.missingAuth(endpoint.auth.scheme) });
    } else if (scheme && scheme.toLowerCase() !== endpoint.auth.scheme.toLowerCase()) findings.push({ severity: "error", message: fm.wrongScheme(scheme, endpoint.auth.scheme) });
  }
  return findings;
}

/** Parameters: missing, near-miss names, allowed values, types. */
function checkParams(ev: Evidence, match: Match, sent: Map<string, unknown>): Finding[] {
  const { provider, endpoint } = match;
  const findings: Finding[] = [];
  const siblings = provider.endpoints.filter((e) => e.path === endpoint.path && e.method === endpoint.method);
  const documented = new Set(endpoint.params.map((p) => p.name));
  const coveredByBasic = (p: ParamSpec) => !!ev.basicAuth && (p.checks === "client_id" || p.checks === "client_secret");
  const explainedMissing = new Set<string>();
  for (const name of sent.keys()) {
    if (documented.has(name)) continue;
    const target = endpoint.params.find((p) => isNearMiss(name, p.name));
    if (target) {
      const missingTarget = !sent.has(target.name);
      if (missingTarget) explainedMissing.add(target.name);
      findings.push(diffFinding(missingTarget && target.required ? "error" : "warning", fm.nearMiss(name, target.name), target.name, name));
    } else findings.push({ severity: "info", message: fm.unknownParam(name) });
  }
  for (const p of endpoint.params) {
    const value = sent.get(p.name);
    if (value === undefined || value === "") {
      if (p.required && !explainedMissing.has(p.name) && !coveredByBasic(p)) findings.push({ severity: "error", message: fm.missing(p.name) });
      continue;
    }
    const text = asText(value);
    const allowed = [...new Set(siblings.flatMap((s) => s.params.find((sp) => sp.name === p.name)?.values ?? []))];
    if (allowed.length > 0 && !allowed.includes(text)) findings.push(diffFinding("error", fm.badValue(p.name, text, allowed), closest(text, allowed)!, text));
    if (p.type && ev.bodyEncoding === "json" && (ev.bodyParams ?? []).some(([k]) => k === p.name)) {
      const got = typeName(value);
      if (got !== p.type) findings.push({ severity: "warning", message: fm.requestType(p.name, p.type, got) });
    }
  }
  return findings;
}

/**
 * Against the registered clients. A misspelt client id does not stop the checks: the
 * closest registered client is assumed (and said so), and its secret and redirect URIs are checked.
 */
function checkClient(ev: Evidence, match: Match, sent: Map<string, unknown>, fixtures: Fixtures | undefined): Finding[] {
  const { provider, endpoint } = match;
  const clients = registeredClients(fixtures, provider);
  if (clients.length === 0) return [];
  const findings: Finding[] = [];
  const basic = ev.basicAuth;
  const idSpec = endpoint.params.find((p) => p.checks === "client_id");
  const secretSpec = endpoint.params.find((p) => p.checks === "client_secret");
  const redirectSpec = endpoint.params.find((p) => p.checks === "redirect_uri");
  const idName = idSpec?.name ?? provider.clientFields.id;
  const idOf = (c: RegisteredClient) => clientField(c, provider.clientFields.id);
  const idValue = sent.has(idName) ? asText(sent.get(idName)) : idSpec && basic ? basic.user : undefined;
  const secretValue = secretSpec && sent.has(secretSpec.name) ? asText(sent.get(secretSpec.name)) : secretSpec && basic ? basic.password : undefined;
  const ids = clients.map(idOf);
  let client = idValue === undefined ? undefined : clients.find((c) => idOf(c) === idValue);
  if (idSpec && idValue && !client && !documentExample(provider, idName, idValue)) {
    const near = closest(idValue, ids)!;
    if (isNearMiss(idValue, near)) {
      findings.push(diffFinding("error", fm.unknownClient(idName, idValue), near, idValue, fm.didYouMean(near)));
      client = clients.find((c) => idOf(c) === near);
      findings.push({ severity: "info", message: fm.assumedClient(near) });
    } else findings.push({ severity: "error", message: fm.unknownClient(idName, idValue), fix: fm.useRegistered(idName, ids) });
  }
  if (client && secretSpec && secretValue && secretValue !== clientField(client, provider.clientFields.secret) && !documentExample(provider, secretSpec.name, secretValue))
    findings.push({ severity: "error", message: fm.wrongSecret(secretSpec.name, idOf(client)) });
  const redirect = redirectSpec && sent.get(redirectSpec.name);
  if (redirectSpec && typeof redirect === "string" && redirect !== "" && !documentExample(provider, redirectSpec.name, redirect)) {
    const registered = [...new Set((client ? [client] : clients).flatMap((c) => c.redirect_uris ?? []))];
    if (registered.length > 0 && !registered.includes(redirect)) findings.push(diffFinding("error", fm.redirectNotRegistered(redirect), closest(redirect, registered)!, redirect));
  }
  // Path parameters that are client fields (easemob's org_name / app_name).
  for (const [name, value] of Object.entries(match.vars)) {
    const known = clients.map((c) => clientField(c, name)).filter(Boolean);
    if (known.length > 0 && !known.includes(value)) findings.push(diffFinding("error", fm.pathParam(name, value), closest(value, known)!, value));
  }
  return findings;
}

/** The values a request sends, by the name they travel under; a bearer token counts as access_token, Basic's password as the secret. */
function sentValues(ev: Evidence, match: Match, sent: Map<string, unknown>): Array<[string, string]> {
  const values: Array<[string, string]> = [...sent].map(([k, v]) => [k, asText(v)]);
  const token = /^\s*(?:Bearer|OAuth)\s+(\S+)/i.exec(headerValue(ev.headers, "authorization") ?? "")?.[1];
  if (token) values.push(["access_token", token]);
  if (ev.basicAuth) values.push([match.provider.clientFields.id, ev.basicAuth.user], [match.provider.clientFields.secret, ev.basicAuth.password]);
  return values;
}

/** Every finding about a request, in the order a reader checks them; none hides another. */
export function checkRequest(ev: Evidence, match: Match, fixtures: Fixtures | undefined): Finding[] {
  const sent = new Map<string, unknown>();
  for (const [k, v] of [...(ev.url?.query ?? []), ...(ev.bodyParams ?? [])]) if (!sent.has(k)) sent.set(k, v);
  const ids = registeredClients(fixtures, match.provider).map((c) => clientField(c, match.provider.clientFields.id));
  const fixFor = (field: string) => (field === match.provider.clientFields.id && ids.length ? fm.useRegistered(field, ids) : undefined);
  return [...checkTransport(ev, match), ...checkParams(ev, match, sent), ...exampleFindings(match.provider, sentValues(ev, match, sent), fixFor), ...checkClient(ev, match, sent, fixtures)];
}
