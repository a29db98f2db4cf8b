import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { clockQuery, controlKeys, fixturesQuery } from "../api/control.ts";
import { messages } from "../i18n/messages.ts";
import { useT } from "../i18n/use-t.ts";
import type { Flow } from "../wizard/types.ts";
import { runScenario } from "./run-scenario.ts";
import { scenarioReproduced } from "./store.ts";
import type { Scenario } from "./types.ts";

/** The provider's ready error scenarios, each reproducible in one click. */
export function ScenarioPanel({ flow }: { flow: Flow }) {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const reproduce = useMutation({
    mutationFn: (scenario: Scenario) =>
      runScenario(flow, scenario, {
        origin: window.location.origin,
        fixtures: () => queryClient.fetchQuery(fixturesQuery()),
        virtualNow: async () => (await queryClient.fetchQuery({ ...clockQuery(), staleTime: 0 })).now,
      }),
    onSuccess: (_done, scenario) => {
      scenarioReproduced(flow.contract.id, scenario.id);
      void queryClient.invalidateQueries({ queryKey: controlKeys.clock() });
      navigate(`/${flow.contract.id}/${scenario.failingStep}`);
    },
  });
  const scenarios = flow.scenarios ?? [];
  if (scenarios.length === 0) return null;
  return (
    <details className="text-sm" open>
      <summary className="cursor-pointer font-medium">
        {t(messages.scenarios)} ({scenarios.length})
      </summary>
      <ul className="mt-2 space-y-2" aria-label={t(messages.scenarios)}>
        {scenarios.map((s) => (
          <li key={s.id} className="rounded border border-line p-2 space-y-1">
            <p className="font-medium leading-snug">{t(s.title)}</p>
            <p className="text-xs text-muted">{t(s.symptom)}</p>
            <button
              type="button"
              className="btn-quiet text-xs"
              disabled={reproduce.isPending}
              aria-label={`${t(messages.reproduce)}: ${t(s.title)}`}
              onClick={() => reproduce.mutate(s)}
            >
              {reproduce.isPending && reproduce.variables?.id === s.id ? t(messages.running) : t(messages.reproduce)}
            </button>
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
