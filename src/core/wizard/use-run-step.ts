import { useMutation, useQueryClient } from "@tanstack/react-query";
import { browserEffects } from "./browser-effects.ts";
import { runStep, type StepRun } from "./runner.ts";
import type { RunPlace } from "./target.ts";
import type { Flow, Step, StepContext } from "./types.ts";

/** Runs a step through the runner as a TanStack mutation (every call the UI makes goes through Query), with the context the preview shows. */
export function useRunStep<V, F>(flow: Flow<V, F>, step: Step<V, F>, place: RunPlace) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ["step", place.workspace, place.providerId, step.id],
    mutationFn: (ctx: StepContext<V, F>): Promise<StepRun<V> | undefined> => runStep(flow, step, ctx, place, browserEffects(queryClient, place.workspace)),
  });
}
