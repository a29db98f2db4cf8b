import type { Localized } from "../i18n/localized.ts";
import type { FlowValues, StepContext } from "../wizard/types.ts";

/** One thing the reproduction does, in order; every action goes through the real mock, nothing is special-cased. */
export type ScenarioAction<V = FlowValues, F = unknown> =
  /** Move the mocks' virtual clock (expiry, bans, grace periods). */
  | { kind: "advanceClock"; seconds: number }
  /** Set a parameter of a step, as a user would type it. */
  | { kind: "edit"; step: string; param: string; value: string }
  /** The same, derived from the step's current context (e.g. the pre-filled secret minus its last character). */
  | { kind: "edit"; step: string; param: string; derive(ctx: StepContext<V, F>): string }
  | { kind: "option"; step: string; option: string; value: string }
  /** Run a step through the runner, as the run button does (a navigate step: use `authorize`). */
  | { kind: "run"; step: string }
  /** Run a navigate step without leaving the page (its `headless` login) and hand the redirect to the callback step. */
  | { kind: "authorize"; step: string; tamperState?: string };

/** A ready error: what the customer sees, one click to reproduce it, and why it happens. */
export interface Scenario<V = FlowValues, F = unknown> {
  id: string;
  title: Localized;
  /** What the customer sees. */
  symptom: Localized;
  cause: Localized;
  fix: Localized;
  /** The line of the source document it comes from, verbatim. */
  source: string;
  /** The text to look for in the failing step's answer (an error code or message). */
  shows: string;
  /** The step where the failure shows. */
  failingStep: string;
  script: ScenarioAction<V, F>[];
}
