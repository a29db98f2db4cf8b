import { useMutation, useQueryClient } from "@tanstack/react-query";
import { clockQuery } from "../api/control.ts";
import { l } from "../i18n/localized.ts";
import { checkState, runJsonp, sendRequest, type JsonpStyle } from "./engine.ts";
import { useWizardActions } from "./store.ts";
import type { Outcome, RequestSpec, Step, StepContext, StepResult, Values } from "./types.ts";

const SAVED: Outcome = { status: "success", summary: l("Saved.", "已保存。") };

/** Runs a step (a TanStack mutation, so every call the UI makes goes through Query) and records its result. */
export function useRunStep(providerId: string, step: Step) {
  const queryClient = useQueryClient();
  const { stepCompleted, redirectStarted } = useWizardActions();
  const virtualNow = async () => (await queryClient.fetchQuery({ ...clockQuery(), staleTime: 0 })).now;

  return useMutation({
    mutationKey: ["step", providerId, step.id],
    mutationFn: async (ctx: StepContext): Promise<{ result: StepResult; values?: Values } | undefined> => {
      switch (step.kind) {
        case "setup":
          return { result: { outcome: SAVED, at: Date.now() }, values: step.save(ctx) };
        case "navigate":
          redirectStarted(providerId, step.id, step.save(ctx));
          window.location.assign(new URL(step.url(ctx), ctx.origin).toString());
          return undefined;
        case "http": {
          const send = (spec: RequestSpec) => sendRequest(spec, ctx.origin);
          const all = step.sequence ? await step.sequence(ctx, send) : [await send(step.request(ctx))];
          const last = all.at(-1);
          const outcome = step.outcome(last?.response, last?.json, ctx, all);
          const earlier = all.slice(0, -1).map(({ request, response }) => ({ request, response }));
          const result: StepResult = { outcome, at: Date.now(), virtualAt: await virtualNow(), ...(last ? { request: last.request, response: last.response } : {}), ...(earlier.length ? { earlier } : {}) };
          return { result, ...(outcome.values ? { values: outcome.values } : {}) };
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
            return { result: { outcome, request, at: Date.now(), virtualAt: await virtualNow() }, ...(outcome.values && !stateProblem ? { values: outcome.values } : {}) };
          } catch (error) {
            const outcome: Outcome = { status: "error", summary: l(String((error as Error).message), String((error as Error).message)) };
            return { result: { outcome, at: Date.now() } };
          }
        }
        case "callback":
          return undefined;
      }
    },
    onSuccess: (done) => {
      if (done) stepCompleted(providerId, step.id, done.result, done.values);
    },
  });
}
