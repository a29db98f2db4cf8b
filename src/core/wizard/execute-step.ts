import { l } from "../i18n/localized.ts";
import { checkState, runJsonp, sendRequest, type JsonpStyle } from "./engine.ts";
import type { CallbackStep, Outcome, RequestSpec, Step, StepContext, StepResult, Values } from "./types.ts";

export interface StepRun {
  result: StepResult;
  values?: Values;
}

const SAVED: Outcome = { status: "success", summary: l("Saved.", "已保存。") };

const withValues = (outcome: Outcome): { values?: Values } => (outcome.values ? { values: outcome.values } : {});

/** Runs a step that stays in the page (setup, http, jsonp). Navigate and callback steps are the browser's business. */
export async function executeStep(step: Step, ctx: StepContext, virtualNow: () => Promise<number>): Promise<StepRun | undefined> {
  switch (step.kind) {
    case "setup":
      return { result: { outcome: SAVED, at: Date.now() }, values: step.save(ctx) };
    case "http": {
      const send = (spec: RequestSpec) => sendRequest(spec, ctx.origin);
      const all = step.sequence ? await step.sequence(ctx, send) : [await send(step.request(ctx))];
      const last = all.at(-1);
      const outcome = step.outcome(last?.response, last?.json, ctx, all);
      const earlier = all.slice(0, -1).map(({ request, response }) => ({ request, response }));
      const result: StepResult = {
        outcome,
        at: Date.now(),
        virtualAt: await virtualNow(),
        ...(last ? { request: last.request, response: last.response } : {}),
        ...(earlier.length ? { earlier } : {}),
      };
      return { result, ...withValues(outcome) };
    }
    case "jsonp": {
      const style = (ctx.options.style ?? "script") as JsonpStyle;
      try {
        const { url, payload } = await runJsonp(step.url(ctx), step.callbackParam, style);
        const received = typeof payload === "object" && payload !== null ? (payload as Record<string, unknown>).state : undefined;
        // An error payload carries no token and (at Pigai) no state: show the error, not a missing-state warning.
        const isError = typeof payload === "object" && payload !== null && "error" in payload;
        const stateProblem = ctx.params.state && !isError ? checkState(ctx.params.state, typeof received === "string" ? received : null) : undefined;
        const outcome = stateProblem ?? step.outcome(payload, ctx);
        const request = { method: "GET", url, headers: [], body: "" };
        return { result: { outcome, request, at: Date.now(), virtualAt: await virtualNow() }, ...(stateProblem ? {} : withValues(outcome)) };
      } catch (error) {
        const message = String((error as Error).message);
        return { result: { outcome: { status: "error", summary: l(message, message) }, at: Date.now() } };
      }
    }
    default:
      return undefined;
  }
}

/** What the redirect brought back: the state is checked before the step sees anything. */
export function completeCallback(step: CallbackStep, ctx: StepContext, callbackUrl: string): StepRun {
  const query = new URL(callbackUrl).searchParams;
  const stateProblem = checkState(ctx.values.state, query.get("state"));
  const outcome = stateProblem ?? step.outcome(query, ctx);
  return {
    result: { outcome, request: { method: "GET", url: callbackUrl, headers: [], body: "" }, at: Date.now(), ...(ctx.now !== undefined ? { virtualAt: ctx.now } : {}) },
    ...(stateProblem ? {} : withValues(outcome)),
  };
}
