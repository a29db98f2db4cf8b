import type { Fixtures } from "../api/control.ts";
import type { RawResponse } from "../exchange/exchange.ts";
import { explainError } from "../provider/explain-error.ts";
import { failureOf } from "../provider/failure.ts";
import { DEFAULT_WORKSPACE, type WorkspaceId } from "../workspace/paths.ts";
import { checkRequest } from "./check-request.ts";
import { exampleFindings } from "./document-examples.ts";
import { belowMockBase, hostOf, matchEndpoint, replayPlan } from "./match-endpoint.ts";
import { fm } from "./messages.ts";
import { parseEvidence } from "./parse-evidence.ts";
import { registeredClients } from "./registered-clients.ts";
import type { Diagnosis, Evidence, Finding, ProviderEndpoints, ResponseSpec } from "./types.ts";

const typeName = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

function get(obj: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" && !Array.isArray(o) && Object.hasOwn(o, k) ? (o as Record<string, unknown>)[k] : undefined), obj);
}

/** An error answer explained as the document does: cause, fix and the document's line. */
function explained(provider: ProviderEndpoints, status: number | undefined, body: unknown): Finding {
  const explanation = explainError(provider.errors, status, body);
  return explanation ? { severity: "error", message: explanation.cause, fix: explanation.fix, source: explanation.source } : { severity: "warning", message: fm.unexplainedError };
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
      if (response.error && explainError(provider.errors, ev.status, json)) score += 0.25;
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
  if (response.error && !isOk) findings.unshift(explained(provider, ev.status, json));
  return { evidence: ev, provider, response, step: "response", findings };
}

function diagnoseCallback(ev: Evidence, providers: ProviderEndpoints[], fixtures: Fixtures | undefined): Diagnosis | undefined {
  const url = ev.url!;
  const params = new Map([...url.query, ...url.fragment]);
  if (!params.has("code") && !params.has("error") && !params.has("access_token")) return undefined;
  const base = `${url.origin}${url.path === "/" && !/\/\?|\/$/.test(url.raw.split(/[?#]/)[0]!) ? "" : url.path}`;
  for (const provider of providers) {
    const registered = registeredClients(fixtures, provider).flatMap((c) => c.redirect_uris ?? []);
    if (!registered.includes(base)) continue;
    const findings: Finding[] = [{ severity: "info", message: fm.callback(provider.name.en) }];
    const error = params.get("error");
    const description = params.get("error_description");
    if (error) findings.push({ severity: "error", message: fm.callbackError(error), fix: description ? { en: description, zh: description } : undefined });
    const examples = exampleFindings(provider, params);
    findings.push(...examples);
    const code = params.get("code");
    if (code && examples.length === 0) findings.push({ severity: "info", message: fm.callbackCode(code) });
    if (!params.has("state") && provider.callbackParams?.some((p) => p.name === "state")) findings.push({ severity: "warning", message: fm.callbackNoState });
    return { evidence: ev, provider, step: "callback", findings };
  }
  return { evidence: ev, step: "callback", findings: [{ severity: "warning", message: fm.callbackUnknown }] };
}

/** Parses pasted evidence and checks it against the documents (providers) and the registered clients (fixtures); a replay goes to the workspace's mock. */
export function diagnose(input: string, providers: ProviderEndpoints[], fixtures?: Fixtures, workspace: WorkspaceId = DEFAULT_WORKSPACE): Diagnosis {
  const ev = parseEvidence(input);
  if (ev.kind === "http-response" || ev.kind === "body") return diagnoseResponse(ev, providers);
  if (!ev.url) return { evidence: ev, step: "unknown", findings: [{ severity: "error", message: fm.unparsed }] };
  const match = matchEndpoint(ev, providers);
  if (!match) {
    const callback = diagnoseCallback(ev, providers, fixtures);
    if (callback) return callback;
    const byHost = providers.find((p) => hostOf(p.documentedBase) === ev.url!.host.toLowerCase() || belowMockBase(ev.url!.path, p.mockBase) !== undefined);
    if (byHost)
      return {
        evidence: ev,
        provider: byHost,
        step: "unknown",
        findings: [{ severity: "error", message: fm.noEndpoint(ev.url.path, byHost.name.en, byHost.endpoints.map((e) => `${e.method} ${e.path}`).filter((v, i, a) => a.indexOf(v) === i).join(", ")) }],
      };
    return { evidence: ev, step: "unknown", findings: [{ severity: "error", message: fm.noProvider(ev.url.path) }] };
  }
  return { evidence: ev, provider: match.provider, endpoint: match.endpoint, step: "request", findings: checkRequest(ev, match, fixtures), replay: replayPlan(ev, match, workspace) };
}

/**
 * The replay's answer, judged like pasted evidence: a failure (by status or by the
 * provider's error envelope, JSONP included) is explained with cause, fix and the
 * document's line; a request is never fine while its replay fails.
 */
export function diagnoseReplay(provider: ProviderEndpoints, response: RawResponse): Finding[] {
  const failure = failureOf(provider, response);
  if (!failure) return [{ severity: "info", message: fm.replaySucceeded(response.status) }];
  const { explanation } = failure;
  const inBody = failure.reason === "envelope" && response.status < 400 ? fm.replayFailedInBody(response.status) : undefined;
  if (!explanation) return [{ severity: "error", message: fm.replayFailedUnexplained(response.status), fix: inBody }];
  return [{ severity: "error", message: { en: fm.replayFailed(response.status, explanation.cause.en).en, zh: fm.replayFailed(response.status, explanation.cause.zh).zh }, fix: explanation.fix, source: explanation.source }];
}
