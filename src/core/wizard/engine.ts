import type { Header, RawRequest } from "../exchange/exchange.ts";
import { messages } from "../i18n/messages.ts";
import type { Localized } from "../i18n/localized.ts";
import type { FlowRecord } from "./store.ts";
import type { Outcome, RequestSpec, SentExchange, Step, StepContext, Values } from "./types.ts";

/** The context a step's builders see: values so far, this step's params (edits over defaults) and options. */
export function stepContext(step: Step, record: FlowRecord, fixtures: unknown, origin: string, now?: number): StepContext {
  const base = { values: record.values, fixtures, origin, callbackUrl: `${origin}/callback`, now };
  const edits = record.edits[step.id] ?? {};
  const options = { ...step.defaults, ...record.options[step.id] };
  const params: Values = {};
  for (const spec of step.params ?? []) params[spec.name] = edits[spec.name] ?? spec.initial?.({ ...base, options }) ?? "";
  return { ...base, params, options };
}

export interface Warning {
  param?: string;
  text: Localized;
}

/** What to tell the user before sending; the request is still allowed, so errors can be reproduced on purpose. */
export function checkStep(step: Step, ctx: StepContext): Warning[] {
  const warnings: Warning[] = [];
  for (const spec of step.params ?? []) {
    const value = ctx.params[spec.name] ?? "";
    if (spec.required && value === "") warnings.push({ param: spec.name, text: messages.missingRequired });
    const problem = value === "" ? undefined : spec.check?.(value, ctx);
    if (problem) warnings.push({ param: spec.name, text: problem });
  }
  return warnings;
}

/** The request exactly as it will leave, for preview and for the step's result. */
export function previewRequest(spec: RequestSpec, origin: string): RawRequest {
  return { method: spec.method, url: new URL(spec.url, origin).toString(), headers: spec.headers, body: spec.body ?? "" };
}

export async function sendRequest(spec: RequestSpec, origin: string): Promise<SentExchange> {
  const request = previewRequest(spec, origin);
  const res = await fetch(request.url, {
    method: spec.method,
    headers: spec.headers,
    body: spec.method === "GET" || spec.method === "HEAD" ? null : (spec.body ?? null),
    credentials: "omit",
    cache: "no-store",
  });
  const body = await res.text();
  const headers: Header[] = [...res.headers.entries()];
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    json = undefined;
  }
  return { request, response: { status: res.status, statusText: res.statusText, headers, body }, json };
}

/** Compares the state that came back with the one that was sent: a mismatch is a CSRF failure, never ignored. */
export function checkState(sent: string | undefined, received: string | null): Outcome | undefined {
  if (!sent) return undefined;
  if (received === null) return { status: "error", summary: messages.stateMissing, facts: [{ label: "state (sent)", value: sent }] };
  if (received !== sent) {
    return {
      status: "error",
      summary: messages.stateMismatch,
      facts: [
        { label: "state (sent)", value: sent },
        { label: "state (received)", value: received },
      ],
    };
  }
  return undefined;
}

/** URL-encodes name=value pairs, skipping empty optional values. */
export function encodeParams(params: Values, keep: (name: string) => boolean = () => true): string {
  return Object.entries(params)
    .filter(([name, value]) => value !== "" && keep(name))
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join("&");
}

export type JsonpStyle = "script" | "jquery";

/**
 * Runs a JSONP request with a real <script> element. "script" names the callback
 * itself; "jquery" names it the way jQuery's $.ajax({dataType: 'jsonp'}) does and
 * adds its `_=` cache-buster, as in the document's example.
 */
export function runJsonp(baseUrl: string, callbackParam: string, style: JsonpStyle, timeoutMs = 8000): Promise<{ url: string; payload: unknown }> {
  const now = Date.now();
  const name =
    style === "jquery"
      ? `jQuery${("3.7.1" + Math.random()).replace(/\D/g, "").slice(0, 20)}_${now}`
      : `__playgroundJsonp_${now.toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const url = new URL(baseUrl, window.location.origin);
  url.searchParams.set(callbackParam, name);
  if (style === "jquery") url.searchParams.set("_", String(now + 1));
  const target = window as unknown as Record<string, unknown>;
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    const cleanup = () => {
      delete target[name];
      script.remove();
      clearTimeout(timer);
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error("JSONP timed out: the callback was never called"));
    }, timeoutMs);
    target[name] = (payload: unknown) => {
      cleanup();
      resolve({ url: url.toString(), payload });
    };
    script.onerror = () => {
      cleanup();
      reject(new Error(`The script failed to load (HTTP error or refused): ${url.toString()}`));
    };
    script.src = url.toString();
    document.head.append(script);
  });
}
