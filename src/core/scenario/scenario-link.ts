import type { Scenario } from "./types.ts";

/** The query parameter of a scenario link: `/<provider>?scenario=<id>` reproduces it on open. */
export const SCENARIO_PARAM = "scenario";

export const scenarioLink = (origin: string, providerId: string, scenarioId: string) =>
  `${origin}/${providerId}?${SCENARIO_PARAM}=${encodeURIComponent(scenarioId)}`;

/** What a filter is matched against: everything a customer's report could quote, in both languages. */
const searchText = (s: Scenario) =>
  [s.id, s.title.en, s.title.zh, s.symptom.en, s.symptom.zh, s.cause.en, s.cause.zh, s.fix.en, s.fix.zh, s.shows, s.source].join("\n").toLowerCase();

/** Every word of the filter appears somewhere in the scenario (case-insensitive); an empty filter matches all. */
export function matchesScenario(scenario: Scenario, filter: string): boolean {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = searchText(scenario);
  return words.every((word) => text.includes(word));
}
