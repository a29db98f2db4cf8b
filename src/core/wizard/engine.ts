import type { RawRequest } from "../exchange/exchange.ts";
import { pm } from "../i18n/page-messages.ts";
import { l, type Localized } from "../i18n/localized.ts";
import type { FlowRecord } from "./store.ts";
import type { RunPlace } from "./target.ts";
import type { Flow, Options, Outcome, Params, RequestSpec, Step, StepContext } from "./types.ts";

const valuesCache = new WeakMap<FlowRecord, unknown>();

/**
 * Parses a flow's values as the store holds them, once per record. Values that don't fit the schema
 * (storage from another version, or tampered with) are dropped, loudly; every field of a flow's schema is optional.
 */
function parseValues<V, F>(flow: Flow<V, F>, record: FlowRecord): V {
  if (valuesCache.has(record)) return valuesCache.get(record) as V;
  const parsed = flow.values.safeParse({ ...record.values, ...record.secrets });
  if (!parsed.success) console.warn(`[wizard] ${flow.contract.id}: stored values don't match the flow's schema; starting from none`, parsed.error.issues);
  const values = parsed.success ? parsed.data : flow.values.parse({});
  valuesCache.set(record, values);
  return values;
}

const fixtureCache = new WeakMap<object, { data?: unknown; error?: string }>();

/** Parses the provider's slice of GET /fixtures with the contract's schema, once per answer. */
export function parseFixtures<V, F>(flow: Flow<V, F>, raw: unknown): { data?: F; error?: string } {
  const key = typeof raw === "object" && raw !== null ? raw : undefined;
  const cached = key && fixtureCache.get(key);
  if (cached) return cached as { data?: F; error?: string };
  const parsed = flow.fixtures.safeParse(raw);
  const result = parsed.success
    ? { data: parsed.data }
    : { error: parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ") };
  if (key) fixtureCache.set(key, result);
  return result;
}

export interface ContextSource {
  /** The provider's slice of GET <workspace>/mock/_control/fixtures, as received. */
  fixtures: unknown;
  place: RunPlace;
  now?: number | undefined;
}

/** The context a step's builders see: values so far, this step's params (edits over defaults) and options. */
export function stepContext<V, F>(flow: Flow<V, F>, step: Step<V, F>, record: FlowRecord, source: ContextSource): StepContext<V, F> {
  const fixtures = parseFixtures(flow, source.fixtures);
  const options: Options = {};
  for (const option of step.options ?? []) options[option.id] = record.options[step.id]?.[option.id] ?? option.default;
  const base = {
    values: parseValues(flow, record),
    options,
    fixtures: fixtures.data,
    ...(fixtures.error ? { fixturesError: fixtures.error } : {}),
    target: source.place.target,
    callbackUrl: source.place.callbackUrl,
    now: source.now,
  };
  const edits = { ...record.edits[step.id], ...record.secretEdits[step.id] };
  const params: Params = {};
  for (const spec of step.params ?? []) params[spec.name] = edits[spec.name] ?? spec.initial?.(base) ?? "";
  return { ...base, params };
}

export interface Warning {
  param?: string;
  text: Localized;
}

/** What to tell the user before sending; the request is still allowed, so errors can be reproduced on purpose. */
export function checkStep<V, F>(step: Step<V, F>, ctx: StepContext<V, F>): Warning[] {
  const warnings: Warning[] = [];
  for (const spec of step.params ?? []) {
    const value = ctx.params[spec.name] ?? "";
    if (spec.required && value === "") warnings.push({ param: spec.name, text: pm.missingRequired });
    const problem = value === "" ? undefined : spec.check?.(value, ctx);
    if (problem) warnings.push({ param: spec.name, text: problem });
  }
  return warnings;
}

/** A documented path (and query) under a base URL: the base's own path is kept, e.g. http://…/mock/spring + /oauth/token. */
export const resolvePath = (base: string, path: string): string => new URL(base.replace(/\/+$/, "") + path).toString();

/** The request exactly as it will leave, for preview and for the step's result. */
export function previewRequest(spec: RequestSpec, serverBase: string): RawRequest {
  return { method: spec.method, url: resolvePath(serverBase, spec.path), headers: spec.headers, body: spec.body ?? "" };
}

/** Compares the state that came back with the one that was sent: a mismatch is a CSRF failure, never ignored. */
export function checkState<V>(sent: string | undefined, received: string | null): Outcome<V> | undefined {
  if (!sent) return undefined;
  if (received === null) return { status: "error", summary: pm.stateMissing, facts: [{ label: l("state (sent)", "state（已发送）"), value: sent }] };
  if (received !== sent) {
    return {
      status: "error",
      summary: pm.stateMismatch,
      facts: [
        { label: l("state (sent)", "state（已发送）"), value: sent },
        { label: l("state (received)", "state（收到的）"), value: received },
      ],
    };
  }
  return undefined;
}

/** URL-encodes name=value pairs, skipping empty optional values. */
export function encodeParams(params: Params, keep: (name: string) => boolean = () => true): string {
  return Object.entries(params)
    .filter(([name, value]) => value !== "" && keep(name))
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join("&");
}

/** Sorts edits by their parameters' `secret` flag: a secret edit is kept in this tab only. */
export function splitEdits<V, F>(flow: Flow<V, F>, edits: Record<string, Params>): { edits: Record<string, Params>; secretEdits: Record<string, Params> } {
  const split = { edits: {} as Record<string, Params>, secretEdits: {} as Record<string, Params> };
  for (const [stepId, byName] of Object.entries(edits)) {
    const specs = flow.steps.find((s) => s.id === stepId)?.params ?? [];
    for (const [name, value] of Object.entries(byName)) {
      const into = specs.find((p) => p.name === name)?.secret ? split.secretEdits : split.edits;
      (into[stepId] ??= {})[name] = value;
    }
  }
  return split;
}
