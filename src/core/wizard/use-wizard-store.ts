import { useStore } from "zustand";
import { useShallow } from "zustand/react/shallow";
import { createWizardStore, recordOf, type FlowKey } from "./store.ts";

/** The page's store, over the browser's localStorage and this tab's sessionStorage. */
export const wizardStore = createWizardStore();

export const useFlowRecord = (key: FlowKey) => useStore(wizardStore, (s) => recordOf(s, key));
export const usePendingRedirect = () => useStore(wizardStore, (s) => s.pending);
export const useWizardActions = () =>
  useStore(
    wizardStore,
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
