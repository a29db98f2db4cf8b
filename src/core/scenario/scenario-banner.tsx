import { Link } from "react-router";
import { messages } from "../i18n/messages.ts";
import { useT } from "../i18n/use-t.ts";
import { CauseAndFix } from "../ui/cause-and-fix.tsx";
import { wm } from "../workspace/messages.ts";
import { DEFAULT_WORKSPACE, flowPath } from "../workspace/paths.ts";
import { useWorkspaceName } from "../workspace/use-workspace-name.ts";
import type { Scenario } from "./types.ts";
import { scenarioDismissed, useActiveScenario } from "./store.ts";

/** Shown on the failing step of a reproduced scenario: where it ran, what the customer saw, why, and how to fix it. */
export function ScenarioBanner({ scenario }: { scenario: Scenario }) {
  const t = useT();
  const active = useActiveScenario();
  const here = useWorkspaceName(active?.workspace ?? DEFAULT_WORKSPACE);
  const before = useWorkspaceName(active?.from ?? DEFAULT_WORKSPACE);
  return (
    <section aria-label={`${t(messages.scenario)}: ${t(scenario.title)}`} className="rounded-md border-2 border-red-500/60 bg-red-50 dark:bg-red-950/30 p-3 text-sm space-y-1">
      <div className="flex items-start justify-between gap-2">
        <p className="font-semibold">
          <span className="chip chip-bad mr-2">{t(messages.scenario)}</span>
          {t(scenario.title)}
        </p>
        <button type="button" className="btn-quiet text-xs" onClick={scenarioDismissed}>
          {t(messages.dismiss)}
        </button>
      </div>
      {active && (
        <p className="text-xs">
          {t(wm.ranIn(here))}{" "}
          <Link to={flowPath(active.from, active.providerId)} className="text-accent underline">
            {t(wm.backTo(before))}
          </Link>
        </p>
      )}
      <p>
        <strong>{t(messages.customerSees)}:</strong> {t(scenario.symptom)}
      </p>
      <p>
        <strong>{t(messages.lookFor)}:</strong> <code data-testid="scenario-shows">{scenario.shows}</code>
      </p>
      <CauseAndFix cause={scenario.cause} fix={scenario.fix} source={scenario.source} quoteClass="border-red-500/50" />
    </section>
  );
}
