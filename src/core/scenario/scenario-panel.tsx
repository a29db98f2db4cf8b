import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useNavigate } from "react-router";
import { advanceClock, controlKeys, fixturesQuery, resetMocks, seedQuery, setSeed } from "../api/control.ts";
import { createWorkspace, workspaceKeys } from "../api/workspaces.ts";
import { messages } from "../i18n/messages.ts";
import { pm } from "../i18n/page-messages.ts";
import { useT } from "../i18n/use-t.ts";
import { CopyButton } from "../ui/copy-button.tsx";
import { useQueryParamOnce } from "../ui/use-query-param-once.ts";
import { browserEffects } from "../wizard/browser-effects.ts";
import { placeFor, type RunPlace } from "../wizard/target.ts";
import { lm } from "../live/messages.ts";
import type { Flow } from "../wizard/types.ts";
import { flowPath } from "../workspace/paths.ts";
import { matchesScenario, SCENARIO_PARAM, scenarioLink } from "./scenario-link.ts";
import { runScenario } from "./run-scenario.ts";
import { scenarioReproduced } from "./store.ts";
import type { Scenario } from "./types.ts";

/**
 * The provider's ready error scenarios, each reproducible in one click, filterable by
 * what a customer reports (an error code, a message), and each with a link that
 * reproduces it when opened (`?scenario=<id>`), for a ticket or a chat.
 */
export function ScenarioPanel({ flow, place }: { flow: Flow; place: RunPlace }) {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState("");
  const [unknown, setUnknown] = useState<string | undefined>();
  const filterId = useId();
  // Side by side with the step (the lg layout) the catalogue is open; stacked above the step on a
  // narrow screen it starts folded, so the step is not pushed below a screenful of cards.
  const [openAtFirst] = useState(() => window.matchMedia?.("(min-width: 64rem)").matches ?? true);
  // Each reproduction gets a new workspace named after it: the user's own walk (and anyone else's) is never touched.
  const reproduce = useMutation({
    mutationFn: async (scenario: Scenario) => {
      const { id: ws } = await createWorkspace(t(scenario.title));
      // The seed the user set where they came from holds in the reproduction too (same codes and tokens for the same steps).
      const { seed } = await queryClient.fetchQuery(seedQuery(place.workspace));
      if (seed !== null) await setSeed(ws, seed);
      await runScenario(flow, scenario, placeFor(window.location.origin, ws, place.providerId), {
        ...browserEffects(queryClient, ws),
        reset: async () => void (await resetMocks(ws)),
        advanceClock: async (seconds) => void (await advanceClock(ws, seconds)),
        fixtures: async () => (await queryClient.fetchQuery(fixturesQuery(ws)))[place.providerId],
      });
      return ws;
    },
    // A reproduction started by hand answers an earlier bad link's alert.
    onMutate: () => setUnknown(undefined),
    onSuccess: (ws, scenario) => {
      scenarioReproduced({ providerId: flow.contract.id, scenarioId: scenario.id, workspace: ws, from: place.workspace });
      void queryClient.invalidateQueries({ queryKey: controlKeys.clock(ws) });
      void queryClient.invalidateQueries({ queryKey: workspaceKeys.list() });
      navigate(flowPath(ws, flow.contract.id, scenario.failingStep));
    },
  });
  const scenarios = flow.scenarios ?? [];

  // A scenario link reproduces its scenario once, then leaves the URL clean (a reload doesn't reset the mock again).
  useQueryParamOnce(SCENARIO_PARAM, (linked) => {
    const scenario = scenarios.find((s) => s.id === linked);
    if (scenario) reproduce.mutate(scenario);
    else setUnknown(linked);
  });

  if (scenarios.length === 0) return null;
  const shown = scenarios.filter((s) => matchesScenario(s, filter));
  return (
    <details className="text-sm" open={openAtFirst || unknown !== undefined}>
      <summary className="cursor-pointer font-medium">
        {t(pm.scenarios)}
        {t(messages.paren(String(scenarios.length)))}
      </summary>
      <div className="mt-2 space-y-1">
        {place.target.real && <p className="text-xs text-muted">{t(lm.scenariosOnMock)}</p>}
        <label htmlFor={filterId} className="text-xs text-muted">
          {t(pm.filterScenarios)}
        </label>
        <input
          id={filterId}
          type="search"
          className="input w-full text-xs"
          placeholder={t(pm.filterScenariosHint)}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        {filter && (
          <p className="text-xs text-muted" aria-live="polite">
            {t(pm.scenariosShown(shown.length, scenarios.length))}
          </p>
        )}
      </div>
      {unknown && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300 mt-2">
          {t(pm.unknownScenario(unknown))}
        </p>
      )}
      {shown.length === 0 && <p className="text-xs text-muted mt-2">{t(pm.noScenarioMatches)}</p>}
      <ul className="mt-2 space-y-2" aria-label={t(pm.scenarios)}>
        {shown.map((s) => (
          <li key={s.id} className="rounded border border-line p-2 space-y-1">
            <p className="font-medium leading-snug">{t(s.title)}</p>
            <p className="text-xs text-muted">{t(s.symptom)}</p>
            <div className="flex flex-wrap gap-1">
              <button
                type="button"
                className="btn-quiet text-xs"
                disabled={reproduce.isPending}
                aria-label={`${t(pm.reproduce)}: ${t(s.title)}`}
                onClick={() => reproduce.mutate(s)}
              >
                {reproduce.isPending && reproduce.variables?.id === s.id ? t(pm.running) : t(pm.reproduce)}
              </button>
              <CopyButton text={scenarioLink(window.location.origin, flow.contract.id, s.id)} label={pm.copyScenarioLink} name={`${t(pm.copyScenarioLink)}: ${t(s.title)}`} />
            </div>
          </li>
        ))}
      </ul>
      {reproduce.error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300 mt-1">
          {String(reproduce.error.message)}
        </p>
      )}
    </details>
  );
}
