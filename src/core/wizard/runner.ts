import type { Header } from "../exchange/exchange.ts";
import { l } from "../i18n/localized.ts";
import { isLive, liveRunOfExchanges, liveRunOfPayload } from "../live/live-run.ts";
import { pm } from "../i18n/page-messages.ts";
import { checkState, previewRequest, resolvePath, stepContext, type ContextSource } from "./engine.ts";
import type { JsonpStyle } from "./jsonp.ts";
import { wm } from "./messages.ts";
import { readFlowRecord, type FlowKey, type SplitValues, type WizardStore } from "./store.ts";
import type { RunPlace } from "./target.ts";
import type { Answer, CallbackStep, Flow, NavigateStep, Outcome, RequestSpec, SentExchange, ShownOutcome, Step, StepContext, StepResult } from "./types.ts";

/**
 * The one step runner: the wizard's run button, the callback page and the scenario runner all go
 * through it, so a step is run, recorded and (for a redirect) completed the same way everywhere.
 * Everything it does to the world is an effect, so that tests can give it a fake fetch and store.
 */
export interface RunEffects {
  fetch: typeof globalThis.fetch;
  jsonp(url: string, callbackParam: string, style: JsonpStyle): Promise<{ url: string; payload: unknown }>;
  /** Leaves the page for the provider. */
  navigate(url: string): void;
  /** The mocks' virtual clock (Unix seconds), read when an answer has come. */
  virtualNow(): Promise<number>;
  /** Real time (ms). */
  now(): number;
  store: WizardStore;
}

export interface StepRun<V> {
  result: StepResult;
  values?: Partial<V> | undefined;
}

const keyOf = (place: RunPlace): FlowKey => ({ workspace: place.workspace, providerId: place.providerId });

/** Sorts values into the kept and the secret ones, by the flow's declaration. */
export function splitValues<V, F>(flow: Flow<V, F>, values: Partial<V> | undefined): SplitValues {
  const split: SplitValues = { values: {}, secrets: {} };
  const secret = new Set<string>(flow.secretValues);
  for (const [name, value] of Object.entries(values ?? {})) if (value !== undefined) (secret.has(name) ? split.secrets : split.values)[name] = value;
  return split;
}

/** The context of a step as the store holds its flow now. */
export const contextFor = <V, F>(flow: Flow<V, F>, step: Step<V, F>, place: RunPlace, store: WizardStore, source: Omit<ContextSource, "place">): StepContext<V, F> =>
  stepContext(flow, step, readFlowRecord(store, keyOf(place)), { ...source, place });

const shown = <V>({ values: _values, ...outcome }: Outcome<V>): ShownOutcome => outcome;

/** What came back from a run, in the one shape every outcome takes. */
export const answerOf = (exchanges: SentExchange[], extra: Partial<Answer> = {}): Answer => ({
  exchanges,
  response: exchanges.at(-1)?.response,
  json: exchanges.at(-1)?.json,
  payload: undefined,
  query: new URLSearchParams(),
  ...extra,
});

async function send(spec: RequestSpec, serverBase: string, fetch: RunEffects["fetch"]): Promise<SentExchange> {
  const request = previewRequest(spec, serverBase);
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

const refused = (ctx: StepContext<unknown, unknown>, at: number): StepRun<never> | undefined =>
  ctx.fixturesError === undefined ? undefined : { result: { outcome: { status: "error", summary: wm.fixturesInvalid(ctx.fixturesError) }, at } };

/** Runs a step that stays in the page (setup, http, jsonp) and returns what to record. */
async function execute<V, F>(flow: Flow<V, F>, step: Step<V, F>, ctx: StepContext<V, F>, fx: RunEffects): Promise<StepRun<V> | undefined> {
  const notRunnable = refused(ctx, fx.now());
  if (notRunnable) return notRunnable;
  switch (step.kind) {
    case "setup": {
      const values = step.save(ctx);
      // What was saved, as the next steps will use it; secrets hidden like any other fact while redaction is on.
      const facts = Object.entries(values)
        .filter(([, value]) => value !== undefined)
        .map(([name, value]) => ({ label: name, value: String(value), secret: (flow.secretValues as readonly string[]).includes(name) }));
      return { result: { outcome: { status: "success", summary: wm.saved, facts }, at: fx.now() }, values };
    }
    case "http": {
      const sendOne = (spec: RequestSpec) => send(spec, ctx.target.serverBase, fx.fetch);
      const first = await sendOne(step.request(ctx));
      const all = [first, ...(step.followUp ? await step.followUp(first, ctx, sendOne) : [])];
      const outcome = step.outcome(answerOf(all), { ...ctx, now: await fx.virtualNow() });
      const last = all.at(-1)!;
      const earlier = all.slice(0, -1).map(({ request, response }) => ({ request, response }));
      const live = isLive(ctx.target) ? { live: liveRunOfExchanges(flow.contract, ctx.target, all) } : {};
      return {
        result: { outcome: shown(outcome), request: last.request, response: last.response, ...(earlier.length ? { earlier } : {}), at: fx.now(), ...live },
        values: outcome.values,
      };
    }
    case "jsonp": {
      const sentUrl = resolvePath(ctx.target.browserBase, step.url(ctx));
      let called: { url: string; payload: unknown };
      try {
        called = await fx.jsonp(sentUrl, step.callbackParam, step.style?.(ctx) ?? "script");
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return { result: { outcome: { status: "error", summary: l(message, message) }, at: fx.now() } };
      }
      const received = step.stateOf?.(called.payload);
      const stateProblem = received === undefined ? undefined : checkState<V>(new URL(sentUrl).searchParams.get("state") ?? undefined, received);
      const outcome = stateProblem ?? step.outcome(answerOf([], { payload: called.payload }), { ...ctx, now: await fx.virtualNow() });
      const live = isLive(ctx.target) ? { live: liveRunOfPayload(flow.contract, ctx.target, called.url, called.payload) } : {};
      return {
        result: { outcome: shown(outcome), request: { method: "GET", url: called.url, headers: [], body: "" }, at: fx.now(), ...live },
        values: stateProblem ? undefined : outcome.values,
      };
    }
    default:
      return undefined;
  }
}

/** Saves what must survive the round-trip and marks the redirect as pending; returns where to go. */
export function beginRedirect<V, F>(flow: Flow<V, F>, step: NavigateStep<V, F>, ctx: StepContext<V, F>, place: RunPlace, fx: RunEffects): string {
  const url = resolvePath(ctx.target.browserBase, step.url(ctx));
  const state = new URL(url).searchParams.get("state") ?? undefined;
  fx.store.getState().redirectStarted({ ...keyOf(place), stepId: step.id, startedAt: fx.now(), state }, splitValues(flow, step.save(ctx)));
  return url;
}

/**
 * Runs a step as the run button does and records its result in the place's workspace: a navigate step
 * leaves the page (nothing to return); a callback step is completed by the redirect, not run.
 */
export async function runStep<V, F>(flow: Flow<V, F>, step: Step<V, F>, ctx: StepContext<V, F>, place: RunPlace, fx: RunEffects): Promise<StepRun<V> | undefined> {
  if (step.kind === "navigate") {
    const notRunnable = refused(ctx, fx.now());
    if (notRunnable) fx.store.getState().stepCompleted(keyOf(place), step.id, notRunnable.result);
    else fx.navigate(beginRedirect(flow, step, ctx, place, fx));
    return notRunnable;
  }
  const run = await execute(flow, step, ctx, fx);
  if (run) fx.store.getState().stepCompleted(keyOf(place), step.id, run.result, splitValues(flow, run.values));
  return run;
}

const nextCallback = <V, F>(steps: Step<V, F>[], from: number): CallbackStep<V, F> | undefined =>
  steps.slice(from + 1).find((s): s is CallbackStep<V, F> => s.kind === "callback");

/**
 * The redirect came back to `callbackUrl`: if this place's flow was waiting for it, the state is checked
 * first (a mismatch takes nothing from the query), the navigate step is marked done and the callback
 * step gets its outcome. Returns the callback step's id, or undefined when nothing here was waiting.
 */
export async function completeRedirect<V, F>(flow: Flow<V, F>, place: RunPlace, fx: RunEffects, callbackUrl: string, fixtures: unknown): Promise<string | undefined> {
  const pending = fx.store.getState().pending;
  if (!pending || pending.workspace !== place.workspace || pending.providerId !== place.providerId) return undefined;
  const from = flow.steps.findIndex((s) => s.id === pending.stepId);
  const step = nextCallback(flow.steps, from);
  if (from < 0 || !step) {
    fx.store.getState().redirectFinished();
    return undefined;
  }
  const ctx = contextFor(flow, step, place, fx.store, { fixtures, now: await fx.virtualNow() });
  const query = new URL(callbackUrl).searchParams;
  const stateProblem = checkState<V>(pending.state, query.get("state"));
  const outcome = stateProblem ?? step.outcome(answerOf([], { query }), ctx);
  const key = keyOf(place);
  const store = fx.store.getState();
  store.stepCompleted(key, pending.stepId, { outcome: { status: "success", summary: pm.redirectFollowed }, at: fx.now() });
  store.stepCompleted(
    key,
    step.id,
    { outcome: shown(outcome), request: { method: "GET", url: callbackUrl, headers: [], body: "" }, at: fx.now() },
    stateProblem ? undefined : splitValues(flow, outcome.values),
  );
  store.redirectFinished();
  return step.id;
}
