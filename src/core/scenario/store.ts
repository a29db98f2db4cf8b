import { create } from "zustand";

/** The scenario last reproduced, so its step can show why it fails. Not persisted: it describes this page's run. */
const useScenarioStore = create<{ active: { providerId: string; scenarioId: string } | undefined }>(() => ({ active: undefined }));

export const useActiveScenario = () => useScenarioStore((s) => s.active);
export const scenarioReproduced = (providerId: string, scenarioId: string) => useScenarioStore.setState({ active: { providerId, scenarioId } });
export const scenarioDismissed = () => useScenarioStore.setState({ active: undefined });
