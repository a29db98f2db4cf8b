import { create } from "zustand";
import type { WorkspaceId } from "../workspace/paths.ts";

/** A reproduction: which scenario, the workspace made for it, and the one the user was in before. */
export interface ActiveScenario {
  providerId: string;
  scenarioId: string;
  workspace: WorkspaceId;
  from: WorkspaceId;
}

/** The scenario last reproduced, so its step can show why it fails. Not persisted: it describes this page's run. */
const useScenarioStore = create<{ active: ActiveScenario | undefined }>(() => ({ active: undefined }));

export const useActiveScenario = () => useScenarioStore((s) => s.active);
export const scenarioReproduced = (active: ActiveScenario) => useScenarioStore.setState({ active });
export const scenarioDismissed = () => useScenarioStore.setState({ active: undefined });
