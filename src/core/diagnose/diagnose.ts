import type { Fixtures } from "../api/control.ts";
import type { Header } from "../exchange/exchange.ts";
import type { ErrorExplanation } from "../provider/contract.ts";
import { charDiff, closest, isNearMiss } from "./diff.ts";
import { fm } from "./messages.ts";
import { parseEvidence } from "./parse-evidence.ts";
import type { Diagnosis, EndpointSpec, Evidence, Finding, ParamSpec, ProviderEndpoints, ReplayPlan, ResponseSpec } from "./types.ts";

const headerValue = (headers: Header[], name: string) => headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
const hostOf = (base: string) => /^[a-z]+:\/\/([^/]+)/i.exec(base)?.[1]?.toLowerCase();
const asText = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));
const typeName = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

function splitPath(p: string) {
  return p.split("/").filter(Boolean);
}

/** Matches a path against a documented pattern: exact, case-insensitive (flagged), or not at all. */
function matchPath(path: string, pattern: string): { exact: boolean; vars: Record<string, string> } | undefined {
  const got = splitPath(path);
  const want = splitPath(pattern);
  if (got.length !== want.length) return undefined;
  const vars: Record<string, string> = {};
  let exact = true;
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = decodeURIComponent(got[i]!);
    const v = /^\{(\w+)\}$/.exec(w);
    if (v) vars[v[1]!] = g;
    else if (w !== g) {
      if (w.toLowerCase() !== g.toLowerCase()) return undefined;
      exact = false;
    }
  }
  return { exact, vars };
}

interface Match {
  provider: ProviderEndpoints;
  endpoint: EndpointSpec;
  exact: boolean;
  vars: Record<string, string>;
  path: string;
  viaMock: boolean;
  score: number;
}

/** Which documented endpoint a request targets: documented host or mock base, path, method, variant. */
export function matchEndpoint(ev: Evidence, providers: ProviderEndpoints[]): Match | undefined {
  if (!ev.url) return undefined;
  const params = new Map([...ev.url.query, ...(ev.bodyParams ?? []).map(([k, v]) => [k, asText(v)] as [string, string])]);
  let best: Match | undefined;
  for (const provider of providers) {
    let path = ev.url.path;
    let viaMock = false;
    const mockAt = path.indexOf(provider.mockBase + "/");
    if (mockAt >= 0 && path.slice(0, mockAt).split("/").length <= 2) {
      path = path.slice(mockAt + provider.mockBase.length);
      viaMock = true;
    } else if (/\/mock\/[^/]+\//.test(path)) continue;
    const host = ev.url.host.toLowerCase();
    const hostScore = viaMock ? 4 : [hostOf(provider.documentedBase), ...(provider.hosts ?? [])].includes(host) ? 3 : 0;
    for (const endpoint of provider.endpoints) {
      const m = matchPath(path, endpoint.path);
      if (!m) continue;
      const literal = splitPath(endpoint.path).filter((s) => !s.startsWith("{")).length;
      const when = Object.entries(endpoint.when ?? {});
      const variant = when.length === 0 ? 0 : when.every(([k, v]) => params.get(k) === v) ? 2 : -1;
      const method = !ev.method || ev.method === endpoint.method ? 1 : 0;
      const score = hostScore + literal * 2 + (m.exact ? 1 : 0) + variant + method;
      if (!best || score > best.score) best = { provider, endpoint, exact: m.exact, vars: m.vars, path, viaMock, score };
    }
  }
  return best;
}

type Client = Record<string, unknown>;
const clientsOf = (fixtures: Fixtures | undefined, id: string): Client[] => fixtures?.[id]?.clients ?? [];

function diffFinding(severity: Finding["severity"], message: Finding["message"], expected: string, actual: string, fix?: Finding["fix"]): Finding {
  return { severity, message, fix, diff: { expected, actual, ops: charDiff(expected, actual) } };
}

function checkRequest(ev: Evidence, match: Match, fixtures: Fixtures | undefined): Finding[] {
  const { provider, endpoint } = match;
  const findings: Finding[] = [];
  const siblings = provider.endpoints.filter((e) => e.path === endpoint.path && e.method === endpoint.method);
  if (!match.exact) findings.push({ severity: "error", message: fm.pathCase(match.path, endpoint.path) });
  if (ev.method && ev.method !== endpoint.method) findings.push({ severity: "error", message: fm.method(ev.method, endpoint.method) });
  if (!ev.method && endpoint.transport === "fetch") findings.push({ severity: "info", message: fm.bareUrl(endpoint.method) });

  // Where the parameters travel, and how the body is encoded.
  const query = ev.url?.query ?? [];
  const body = ev.bodyParams ?? [];
  const sent = new Map<string, unknown>();
  for (const [k, v] of [...query, ...body]) if (!sent.has(k)) sent.set(k, v);
  if (endpoint.method === "POST" && query.length > 0 && !endpoint.encodings.includes("query")) findings.push({ severity: "warning", message: fm.queryNotBody });
  if (endpoint.method === "POST" && query.some(([k]) => /secret/.test(k)) && endpoint.encodings.includes("query")) findings.push({ severity: "info", message: fm.secretsInQuery });
  if (ev.body) {
    const type = headerValue(ev.headers, "content-type") ?? "";
    const wantTypes = endpoint.encodings.filter((e) => e !== "query").map((e) => (e === "json" ? "application/json" : "application/x-www-form-urlencoded"));
    if (ev.bodyLooksJson && ev.bodyEncoding === "form") findings.push({ severity: "error", message: fm.jsonAsForm });
    else if (ev.bodyEncoding && (ev.bodyEncoding === "other" || !endpoint.encodings.includes(ev.bodyEncoding)))
      findings.push({ severity: "error", message: fm.wrongContentType(type || ev.bodyEncoding, wantTypes.join(" / ") || "no body") });
  }

  // Documented headers and the Authorization scheme.
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

  // Parameters: missing, near-miss names, allowed values, types.
  const documented = new Set(endpoint.params.map((p) => p.name));
  const basic = ev.basicAuth;
  const coveredByBasic = (p: ParamSpec) => !!basic && (p.checks === "client_id" || p.checks === "client_secret");
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
    if (allowed.length > 0 && !allowed.includes(text)) {
      const near = closest(text, allowed)!;
      findings.push(diffFinding("error", fm.badValue(p.name, text, allowed), near, text));
    }
    if (p.type && ev.bodyEncoding === "json" && body.some(([k]) => k === p.name)) {
      const got = typeName(value);
      if (got !== p.type) findings.push({ severity: "warning", message: fm.requestType(p.name, p.type, got) });
    }
  }

  // Against the registered clients.
  const clients = clientsOf(fixtures, provider.id);
  if (clients.length > 0) {
    const idSpec = endpoint.params.find((p) => p.checks === "client_id");
    const secretSpec = endpoint.params.find((p) => p.checks === "client_secret");
    const redirectSpec = endpoint.params.find((p) => p.checks === "redirect_uri");
    const idName = idSpec?.name ?? provider.clientFields.id;
    const idValue = sent.has(idName) ? asText(sent.get(idName)) : idSpec && basic ? basic.user : undefined;
    const secretValue = secretSpec && sent.has(secretSpec.name) ? asText(sent.get(secretSpec.name)) : secretSpec && basic ? basic.password : undefined;
    const ids = clients.map((c) => String(c[provider.clientFields.id]));
    const client = idValue === undefined ? undefined : clients.find((c) => c[provider.clientFields.id] === idValue);
    if (idSpec && idValue !== undefined && idValue !== "" && !client) {
      const near = closest(idValue, ids)!;
      if (/^x+$/i.test(idValue) || /^(APIKEY|Your_App_Key)$/i.test(idValue)) findings.push({ severity: "error", message: fm.placeholder(idName, idValue), fix: fm.useRegistered(idName, ids) });
      else if (isNearMiss(idValue, near)) findings.push(diffFinding("error", fm.unknownClient(idName, idValue), near, idValue, fm.didYouMean(near)));
      else findings.push({ severity: "error", message: fm.unknownClient(idName, idValue), fix: fm.useRegistered(idName, ids) });
    }
    if (client && secretSpec && secretValue !== undefined && secretValue !== "" && secretValue !== client[provider.clientFields.secret])
      findings.push({ severity: "error", message: fm.wrongSecret(secretSpec.name, String(client[provider.clientFields.id])) });
    const redirect = redirectSpec && sent.get(redirectSpec.name);
    if (redirectSpec && typeof redirect === "string" && redirect !== "") {
      const registered = [...new Set((client ? [client] : clients).flatMap((c) => (Array.isArray(c.redirect_uris) ? (c.redirect_uris as string[]) : [])))];
      if (registered.length > 0 && !registered.includes(redirect)) {
        const near = closest(redirect, registered)!;
        findings.push(diffFinding("error", fm.redirectNotRegistered(redirect), near, redirect));
      }
    }
    // Path parameters that are client fields (easemob's org_name / app_name).
    for (const [name, value] of Object.entries(match.vars)) {
      const known = clients.map((c) => c[name]).filter((v): v is string => typeof v === "string");
      if (known.length > 0 && !known.includes(value)) {
        const near = closest(value, known)!;
        findings.push(diffFinding("error", fm.pathParam(name, value), near, value));
      }
    }
  }
  return findings;
}

/** The same request against the mock: documented base → mock base; navigations are opened, not fetched. */
export function replayPlan(ev: Evidence, match: Match): ReplayPlan | undefined {
  if (!ev.url) return undefined;
  const search = ev.url.query.length ? `?${new URLSearchParams(ev.url.query).toString()}` : "";
  const url = `${match.provider.mockBase}${match.path}${search}`;
  const skip = new Set(["host", "content-length", "connection", "accept-encoding", "cookie", "origin", "referer"]);
  const headers = ev.headers.filter(([n]) => !skip.has(n.toLowerCase()));
  const method = ev.method ?? match.endpoint.method;
  return { mode: match.endpoint.transport === "navigation" ? "navigate" : "fetch", method, url, headers, body: method === "GET" ? "" : (ev.body ?? "") };
}

function get(obj: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" && !Array.isArray(o) ? (o as Record<string, unknown>)[k] : undefined), obj);
}

/** Like explainError, but with an unknown status (a bare body) any status matches. */
export function explainLoosely(errors: ErrorExplanation[], status: number | undefined, body: unknown): ErrorExplanation | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const fields = body as Record<string, unknown>;
  return errors.find((e) => {
    if (status !== undefined && e.match.status !== undefined && e.match.status !== status) return false;
    return Object.entries(e.match.fields).every(([name, want]) => {
      const got = fields[name];
      if (got === undefined || got === null || typeof got === "object") return false;
      return typeof want === "string" ? String(got) === want : want.test(String(got));
    });
  });
}

function diagnoseResponse(ev: Evidence, providers: ProviderEndpoints[]): Diagnosis {
  const json = ev.json;
  if (json === undefined || typeof json !== "object" || json === null) return { evidence: ev, step: "unknown", findings: [{ severity: "error", message: fm.unparsed }] };
  const keys = new Set(Object.keys(json));
  const scored: { provider: ProviderEndpoints; response: ResponseSpec; score: number }[] = [];
  for (const provider of providers) {
    for (const response of provider.responses) {
      const names = Object.keys(response.fields);
      const top = new Set(names.map((f) => f.split(".")[0]!));
      const present = names.filter((f) => get(json, f) !== undefined).length;
      if (present === 0) continue;
      const extra = [...keys].filter((k) => !top.has(k)).length;
      let score = present / (names.length + extra);
      const isOk = !!response.ok && Object.entries(response.ok).every(([k, v]) => String(get(json, k)) === v);
      if (response.error && isOk) score -= 0.5;
      if (response.jsonp && ev.jsonpCallback) score += 0.5;
      if (response.error && explainLoosely(provider.errors, ev.status, json)) score += 0.25;
      scored.push({ provider, response, score });
    }
  }
  scored.sort((a, b) => b.score - a.score);
  const top = scored[0];
  if (!top) return { evidence: ev, step: "response", findings: [{ severity: "warning", message: fm.unparsed }] };
  const { provider, response } = top;
  const findings: Finding[] = [];
  const others = scored.filter((s) => s.score === top.score && s.provider !== provider).map((s) => s.provider.name.en);
  if (others.length) findings.push({ severity: "info", message: fm.ambiguous([...new Set(others)].join(", ")) });
  if (response.jsonp && !ev.jsonpCallback) findings.push({ severity: "info", message: fm.notJsonp });
  for (const [name, spec] of Object.entries(response.fields)) {
    const value = get(json, name);
    if (value === undefined || spec.type === "any") continue;
    const got = typeName(value);
    if (got !== spec.type && (got === "string" || got === "number")) findings.push({ severity: "warning", message: fm.responseType(name, spec.type, got), fix: spec.note });
    else if (spec.note) findings.push({ severity: "info", message: spec.note });
  }
  const isOk = !!response.ok && Object.entries(response.ok).every(([k, v]) => String(get(json, k)) === v);
  if (response.error && !isOk) {
    const explanation = explainLoosely(provider.errors, ev.status, json);
    findings.unshift(
      explanation
        ? { severity: "error", message: explanation.cause, fix: explanation.fix, source: explanation.source }
        : { severity: "warning", message: fm.unexplainedError },
    );
  }
  return { evidence: ev, provider, response, step: "response", findings };
}

function diagnoseCallback(ev: Evidence, providers: ProviderEndpoints[], fixtures: Fixtures | undefined): Diagnosis | undefined {
  const url = ev.url!;
  const params = new Map([...url.query, ...url.fragment]);
  if (!params.has("code") && !params.has("error") && !params.has("access_token")) return undefined;
  const base = `${url.origin}${url.path === "/" && !/\/\?|\/$/.test(url.raw.split(/[?#]/)[0]!) ? "" : url.path}`;
  const findings: Finding[] = [];
  for (const provider of providers) {
    const registered = clientsOf(fixtures, provider.id).flatMap((c) => (Array.isArray(c.redirect_uris) ? (c.redirect_uris as string[]) : []));
    if (!registered.includes(base)) continue;
    findings.push({ severity: "info", message: fm.callback(provider.name.en) });
    const error = params.get("error");
    if (error) findings.push({ severity: "error", message: fm.callbackError(error), fix: params.get("error_description") ? { en: params.get("error_description")!, zh: params.get("error_description")! } : undefined });
    const code = params.get("code");
    if (code) findings.push({ severity: "info", message: fm.callbackCode(code) });
    if (!params.has("state") && provider.callbackParams?.some((p) => p.name === "state")) findings.push({ severity: "warning", message: fm.callbackNoState });
    return { evidence: ev, provider, step: "callback", findings };
  }
  return { evidence: ev, step: "callback", findings: [{ severity: "warning", message: fm.callbackUnknown }] };
}

/** Parses pasted evidence and checks it against the documents (providers) and the registered clients (fixtures). */
export function diagnose(input: string, providers: ProviderEndpoints[], fixtures?: Fixtures): Diagnosis {
  const ev = parseEvidence(input);
  if (ev.kind === "http-response" || ev.kind === "body") return diagnoseResponse(ev, providers);
  if (!ev.url) return { evidence: ev, step: "unknown", findings: [{ severity: "error", message: fm.unparsed }] };
  const match = matchEndpoint(ev, providers);
  if (!match) {
    const callback = diagnoseCallback(ev, providers, fixtures);
    if (callback) return callback;
    const byHost = providers.find((p) => hostOf(p.documentedBase) === ev.url!.host.toLowerCase() || ev.url!.path.startsWith(p.mockBase + "/"));
    if (byHost)
      return {
        evidence: ev,
        provider: byHost,
        step: "unknown",
        findings: [{ severity: "error", message: fm.noEndpoint(ev.url.path, byHost.name.en, byHost.endpoints.map((e) => `${e.method} ${e.path}`).filter((v, i, a) => a.indexOf(v) === i).join(", ")) }],
      };
    return { evidence: ev, step: "unknown", findings: [{ severity: "error", message: fm.noProvider(ev.url.path) }] };
  }
  return { evidence: ev, provider: match.provider, endpoint: match.endpoint, step: "request", findings: checkRequest(ev, match, fixtures), replay: replayPlan(ev, match) };
}
