import { beginRedirect, completeRedirect, contextFor, runStep, type RunEffects } from "../wizard/runner.ts";
import type { RunPlace } from "../wizard/target.ts";
import type { Flow, Step, StepContext } from "../wizard/types.ts";
import type { Scenario } from "./types.ts";

/** What a reproduction does besides running steps: to the workspace's mock, through its control API. */
export interface ScenarioEffects extends RunEffects {
  reset(): Promise<void>;
  advanceClock(seconds: number): Promise<void>;
  /** The provider's slice of the workspace's GET /fixtures. */
  fixtures(): Promise<unknown>;
}

/**
 * Reproduces a scenario in the place's workspace, from a clean mock: reset, a fresh flow record, then
 * the script's actions through the same runner the user drives — real requests only. Only that
 * workspace's records are written.
 */
export async function runScenario<V, F>(flow: Flow<V, F>, scenario: Scenario<V, F>, place: RunPlace, fx: ScenarioEffects): Promise<void> {
  const key = { workspace: place.workspace, providerId: place.providerId };
  const store = () => fx.store.getState();
  await fx.reset();
  store().flowRestarted(key);
  const fixtures = await fx.fixtures();
  const stepOf = (id: string): Step<V, F> => {
    const step = flow.steps.find((s) => s.id === id);
    if (!step) throw new Error(`scenario ${scenario.id}: no step ${id}`);
    return step;
  };
  const ctxFor = async (step: Step<V, F>): Promise<StepContext<V, F>> => contextFor(flow, step, place, fx.store, { fixtures, now: await fx.virtualNow() });
  for (const action of scenario.script) {
    switch (action.kind) {
      case "advanceClock":
        await fx.advanceClock(action.seconds);
        break;
      case "edit": {
        const step = stepOf(action.step);
        const value = "derive" in action ? action.derive(await ctxFor(step)) : action.value;
        store().paramEdited(key, step.id, action.param, value, step.params?.find((p) => p.name === action.param)?.secret === true);
        break;
      }
      case "option":
        store().optionChosen(key, action.step, action.option, action.value);
        break;
      case "run": {
        const step = stepOf(action.step);
        if (step.kind === "navigate" || step.kind === "callback") throw new Error(`scenario ${scenario.id}: ${step.id} is reached with "authorize", not "run"`);
        await runStep(flow, step, await ctxFor(step), place, fx);
        break;
      }
      case "authorize": {
        const step = stepOf(action.step);
        if (step.kind !== "navigate" || !step.headless) throw new Error(`scenario ${scenario.id}: ${action.step} cannot run headless`);
        const ctx = await ctxFor(step);
        const url = new URL(await step.headless(beginRedirect(flow, step, ctx, place, fx), ctx, fx.fetch));
        if (action.tamperState !== undefined) url.searchParams.set("state", action.tamperState);
        if (!(await completeRedirect(flow, place, fx, url.toString(), fixtures))) throw new Error(`scenario ${scenario.id}: the redirect from ${step.id} came back to no callback step`);
        break;
      }
    }
  }
}
