import { persist } from "zustand/middleware";
import { createStore, type StoreApi } from "zustand/vanilla";
import type { WorkspaceId } from "../workspace/paths.ts";
import { emptyFlow, migrate, restore, split, splitStorage, WIZARD_STORAGE_VERSION, type StoredHalves } from "./persisted.ts";
import type { FlowValues, Options, Params, StepResult } from "./types.ts";

/** One flow's record in one workspace. Secrets and results live in this tab only (see persisted.ts). */
export interface FlowRecord {
  values: FlowValues;
  /** Secret values (client secrets, tokens): never written to localStorage. */
  secrets: FlowValues;
  /** Only what the user edited; defaults are derived. */
  edits: Record<string, Params>;
  /** Edits of `secret: true` parameters. */
  secretEdits: Record<string, Params>;
  options: Record<string, Options>;
  results: Record<string, StepResult>;
}

export type WizardFlows = Record<WorkspaceId, Record<string, FlowRecord>>;

/** Which flow, in which workspace. */
export interface FlowKey {
  workspace: WorkspaceId;
  providerId: string;
}

/** Values to merge into a flow, already sorted into the two kinds. */
export interface SplitValues {
  values: FlowValues;
  secrets: FlowValues;
}

/** A redirect under way: which navigate step left, when, and the state it sent (checked on the way back). */
export interface PendingRedirect extends FlowKey {
  stepId: string;
  startedAt: number;
  state?: string | undefined;
}

export interface WizardState {
  flows: WizardFlows;
  pending: PendingRedirect | undefined;
  paramEdited(key: FlowKey, stepId: string, name: string, value: string, secret: boolean): void;
  paramsRestored(key: FlowKey, stepId: string): void;
  optionChosen(key: FlowKey, stepId: string, optionId: string, value: string): void;
  stepCompleted(key: FlowKey, stepId: string, result: StepResult, values?: SplitValues): void;
  redirectStarted(pending: PendingRedirect, values: SplitValues): void;
  redirectFinished(): void;
  flowRestarted(key: FlowKey): void;
  flowImported(key: FlowKey, shared: Pick<FlowRecord, "edits" | "secretEdits" | "options">): void;
  /** A workspace is gone (deleted, expired): its records, and a redirect pending in it, go too. */
  workspaceDeleted(workspace: WorkspaceId): void;
}

export type WizardStore = StoreApi<WizardState>;

const without = (record: FlowValues, names: FlowValues): FlowValues => Object.fromEntries(Object.entries(record).filter(([name]) => !(name in names)));

/** A value changes kind only by being written again: a name is either kept or secret, never both. */
const mergeValues = (f: FlowRecord, v: SplitValues): Pick<FlowRecord, "values" | "secrets"> => ({
  values: { ...without(f.values, v.secrets), ...v.values },
  secrets: { ...without(f.secrets, v.values), ...v.secrets },
});

const STORAGE_NAME = "oauth-playground.wizard";

/** The wizard's store over the given storages (the browser's by default; memory ones in tests). */
export function createWizardStore(local: () => Storage = () => localStorage, session: () => Storage = () => sessionStorage): WizardStore {
  return createStore<WizardState>()(
    persist(
      (set) => {
        const update = ({ workspace, providerId }: FlowKey, change: (flow: FlowRecord) => Partial<FlowRecord>) =>
          set((s) => {
            const world = s.flows[workspace] ?? {};
            const flow = world[providerId] ?? emptyFlow();
            return { flows: { ...s.flows, [workspace]: { ...world, [providerId]: { ...flow, ...change(flow) } } } };
          });
        return {
          flows: {},
          pending: undefined,
          paramEdited: (key, step, name, value, secret) =>
            update(key, (f) => {
              const [into, from] = secret ? (["secretEdits", "edits"] as const) : (["edits", "secretEdits"] as const);
              const { [name]: _moved, ...rest } = f[from][step] ?? {};
              return { [into]: { ...f[into], [step]: { ...f[into][step], [name]: value } }, [from]: { ...f[from], [step]: rest } };
            }),
          paramsRestored: (key, step) =>
            update(key, (f) => {
              const { [step]: _dropped, ...edits } = f.edits;
              const { [step]: _droppedSecrets, ...secretEdits } = f.secretEdits;
              return { edits, secretEdits };
            }),
          optionChosen: (key, step, id, value) => update(key, (f) => ({ options: { ...f.options, [step]: { ...f.options[step], [id]: value } } })),
          stepCompleted: (key, step, result, values) =>
            update(key, (f) => ({ results: { ...f.results, [step]: result }, ...(values ? mergeValues(f, values) : {}) })),
          redirectStarted: (pending, values) => {
            update(pending, (f) => mergeValues(f, values));
            set({ pending });
          },
          redirectFinished: () => set({ pending: undefined }),
          flowRestarted: (key) => update(key, () => emptyFlow()),
          flowImported: (key, shared) => update(key, () => ({ ...emptyFlow(), ...shared })),
          workspaceDeleted: (workspace) =>
            set((s) => {
              const { [workspace]: _gone, ...flows } = s.flows;
              return { flows, pending: s.pending?.workspace === workspace ? undefined : s.pending };
            }),
        };
      },
      {
        name: STORAGE_NAME,
        version: WIZARD_STORAGE_VERSION,
        storage: splitStorage(local, session),
        partialize: (s): StoredHalves => split(s.flows, s.pending),
        migrate,
        merge: (stored, current) => ({ ...current, ...restore(stored) }),
      },
    ),
  );
}

const EMPTY = emptyFlow();

export const recordOf = (state: Pick<WizardState, "flows">, key: FlowKey): FlowRecord => state.flows[key.workspace]?.[key.providerId] ?? EMPTY;
export const readFlowRecord = (store: WizardStore, key: FlowKey): FlowRecord => recordOf(store.getState(), key);
