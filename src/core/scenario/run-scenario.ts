import { advanceClock, resetMocks, type Fixtures } from "../api/control.ts";
import { stepContext } from "../wizard/engine.ts";
import { completeCallback, executeStep } from "../wizard/execute-step.ts";
import { wizardStore } from "../wizard/store.ts";
import type { Flow, StepContext } from "../wizard/types.ts";
import type { Scenario } from "./types.ts";

export interface ScenarioDeps {
  fixtures: () => Promise<Fixtures>;
  virtualNow: () => Promise<number>;
  origin: string;
}

/**
 * Reproduces a scenario from a clean mock: reset, a fresh flow, then the script's
 * actions through the same engine the user drives — real requests only.
 */
export async function runScenario(flow: Flow, scenario: Scenario, deps: ScenarioDeps): Promise<void> {
  const id = flow.contract.id;
  const store = () => wizardStore.getState();
  await resetMocks();
  store().flowRestarted(id);
  const fixtures = (await deps.fixtures())[id];
  const ctxFor = async (stepId: string): Promise<StepContext> => {
    const step = flow.steps.find((s) => s.id === stepId);
    if (!step) throw new Error(`scenario ${scenario.id}: no step ${stepId}`);
    return stepContext(step, store().flows[id] ?? { values: {}, edits: {}, options: {}, results: {} }, fixtures, deps.origin, await deps.virtualNow());
  };
  for (const action of scenario.script) {
    switch (action.kind) {
      case "advanceClock":
        await advanceClock(action.seconds);
        break;
      case "edit":
        store().paramEdited(id, action.step, action.param, typeof action.value === "string" ? action.value : action.value(await ctxFor(action.step)));
        break;
      case "option":
        store().optionChosen(id, action.step, action.option, action.value);
        break;
      case "run": {
        const step = flow.steps.find((s) => s.id === action.step)!;
        const run = await executeStep(step, await ctxFor(action.step), deps.virtualNow);
        if (run) store().stepCompleted(id, step.id, run.result, run.values);
        break;
      }
      case "authorize": {
        const index = flow.steps.findIndex((s) => s.id === action.step);
        const step = flow.steps[index];
        const callback = flow.steps.slice(index + 1).find((s) => s.kind === "callback");
        if (step?.kind !== "navigate" || !step.headless || callback?.kind !== "callback") throw new Error(`scenario ${scenario.id}: ${action.step} cannot run headless`);
        const ctx = await ctxFor(step.id);
        store().redirectStarted(id, step.id, step.save(ctx));
        let finalUrl = await step.headless(new URL(step.url(ctx), deps.origin).toString(), ctx);
        if (action.tamperState !== undefined) {
          const url = new URL(finalUrl);
          url.searchParams.set("state", action.tamperState);
          finalUrl = url.toString();
        }
        store().redirectFinished();
        const run = completeCallback(callback, await ctxFor(callback.id), finalUrl);
        store().stepCompleted(id, callback.id, run.result, run.values);
        break;
      }
    }
  }
}
