import { useMutation, useQueryClient } from "@tanstack/react-query";
import { clockQuery } from "../api/control.ts";
import { executeStep, type StepRun } from "./execute-step.ts";
import { useWizardActions } from "./store.ts";
import type { Step, StepContext } from "./types.ts";

/** Runs a step (a TanStack mutation, so every call the UI makes goes through Query) and records its result. */
export function useRunStep(providerId: string, step: Step) {
  const queryClient = useQueryClient();
  const { stepCompleted, redirectStarted } = useWizardActions();
  const virtualNow = async () => (await queryClient.fetchQuery({ ...clockQuery(), staleTime: 0 })).now;

  return useMutation({
    mutationKey: ["step", providerId, step.id],
    mutationFn: async (ctx: StepContext): Promise<StepRun | undefined> => {
      if (step.kind === "navigate") {
        redirectStarted(providerId, step.id, step.save(ctx));
        window.location.assign(new URL(step.url(ctx), ctx.origin).toString());
        return undefined;
      }
      return executeStep(step, ctx, virtualNow);
    },
    onSuccess: (done) => {
      if (done) stepCompleted(providerId, step.id, done.result, done.values);
    },
  });
}
