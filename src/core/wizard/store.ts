import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";
import { useShallow } from "zustand/react/shallow";
import type { StepResult, Values } from "./types.ts";

export interface FlowRecord {
  values: Values;
  /** Only what the user edited; defaults are derived. */
  edits: Record<string, Values>;
  options: Record<string, Record<string, string>>;
  results: Record<string, StepResult>;
}

export interface PendingRedirect {
  providerId: string;
  stepId: string;
  startedAt: number;
}

interface WizardState {
  flows: Record<string, FlowRecord>;
  pending: PendingRedirect | undefined;
  paramEdited(providerId: string, stepId: string, name: string, value: string): void;
  paramsRestored(providerId: string, stepId: string): void;
  optionChosen(providerId: string, stepId: string, optionId: string, value: string): void;
  stepCompleted(providerId: string, stepId: string, result: StepResult, values?: Values): void;
  redirectStarted(providerId: string, stepId: string, values: Values): void;
  redirectFinished(): void;
  flowRestarted(providerId: string, keep?: Values): void;
  flowImported(providerId: string, record: Partial<FlowRecord>): void;
}

const emptyFlow = (): FlowRecord => ({ values: {}, edits: {}, options: {}, results: {} });

const useWizardStore = create<WizardState>()(
  persist(
    (set) => {
      const update = (providerId: string, change: (flow: FlowRecord) => Partial<FlowRecord>) =>
        set((s) => {
          const flow = s.flows[providerId] ?? emptyFlow();
          return { flows: { ...s.flows, [providerId]: { ...flow, ...change(flow) } } };
        });
      return {
        flows: {},
        pending: undefined,
        paramEdited: (p, step, name, value) =>
          update(p, (f) => ({ edits: { ...f.edits, [step]: { ...f.edits[step], [name]: value } } })),
        paramsRestored: (p, step) =>
          update(p, (f) => {
            const { [step]: _dropped, ...edits } = f.edits;
            return { edits };
          }),
        optionChosen: (p, step, id, value) =>
          update(p, (f) => ({ options: { ...f.options, [step]: { ...f.options[step], [id]: value } } })),
        stepCompleted: (p, step, result, values) =>
          update(p, (f) => ({ results: { ...f.results, [step]: result }, values: { ...f.values, ...values } })),
        redirectStarted: (p, step, values) => {
          update(p, (f) => ({ values: { ...f.values, ...values } }));
          set({ pending: { providerId: p, stepId: step, startedAt: Date.now() } });
        },
        redirectFinished: () => set({ pending: undefined }),
        flowRestarted: (p, keep) => update(p, () => ({ ...emptyFlow(), values: keep ?? {} })),
        flowImported: (p, record) => update(p, () => ({ ...emptyFlow(), ...record })),
      };
    },
    {
      name: "oauth-playground.wizard",
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ flows: s.flows, pending: s.pending }),
    },
  ),
);

const EMPTY = emptyFlow();

export const useFlowRecord = (providerId: string) => useWizardStore((s) => s.flows[providerId] ?? EMPTY);
export const usePendingRedirect = () => useWizardStore((s) => s.pending);
export const useWizardActions = () =>
  useWizardStore(
    useShallow((s) => ({
      paramEdited: s.paramEdited,
      paramsRestored: s.paramsRestored,
      optionChosen: s.optionChosen,
      stepCompleted: s.stepCompleted,
      redirectStarted: s.redirectStarted,
      redirectFinished: s.redirectFinished,
      flowRestarted: s.flowRestarted,
      flowImported: s.flowImported,
    })),
  );
/** Outside React (callback handling, tests). */
export const wizardStore = useWizardStore;
