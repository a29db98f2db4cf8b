import { Link } from "react-router";
import { messages } from "../i18n/messages.ts";
import { pm } from "../i18n/page-messages.ts";
import { useT } from "../i18n/use-t.ts";
import { CauseAndFix } from "../ui/cause-and-fix.tsx";
import { wm } from "../workspace/messages.ts";
import { flowPath, type WorkspaceId } from "../workspace/paths.ts";
import { useDeleteWorkspace } from "../workspace/use-delete-workspace.ts";
import { useWorkspaceName } from "../workspace/use-workspace-name.ts";
import type { Scenario } from "./types.ts";
import { scenarioDismissed, useActiveScenario } from "./store.ts";

/** Where a reproduction ran, the way back, and (a reproduction's workspace is made for it) the way back that deletes it. */
function WhereItRan({ workspace, from, providerId }: { workspace: WorkspaceId; from: WorkspaceId; providerId: string }) {
  const t = useT();
  const here = useWorkspaceName(workspace);
  const before = useWorkspaceName(from);
  const back = flowPath(from, providerId);
  const remove = useDeleteWorkspace(workspace, () => back, scenarioDismissed);
  return (
    <p className="text-xs flex flex-wrap items-baseline gap-x-3 gap-y-1">
      <span>{t(wm.ranIn(here))}</span>
      <Link to={back} className="text-accent underline">
        {t(wm.backTo(before))}
      </Link>
      <button type="button" className="btn-quiet text-xs" disabled={remove.isPending} onClick={() => remove.mutate()}>
        {t(wm.deleteAndBack)}
      </button>
      {remove.error && <span role="alert">{t(wm.failed)}{t(messages.colon)}{remove.error.message}</span>}
    </p>
  );
}

/** Shown on the failing step of a reproduced scenario: where it ran, what the customer saw, why, and how to fix it. */
export function ScenarioBanner({ scenario }: { scenario: Scenario }) {
  const t = useT();
  const active = useActiveScenario();
  return (
    <section aria-label={`${t(pm.scenario)}: ${t(scenario.title)}`} className="rounded-md border-2 border-red-500/60 bg-red-50 dark:bg-red-950/30 p-3 text-sm space-y-1">
      <div className="flex items-start justify-between gap-2">
        <p className="font-semibold">
          <span className="chip chip-bad mr-2">{t(pm.scenario)}</span>
          {t(scenario.title)}
        </p>
        <button type="button" className="btn-quiet text-xs" onClick={scenarioDismissed}>
          {t(pm.dismiss)}
        </button>
      </div>
      {active && <WhereItRan workspace={active.workspace} from={active.from} providerId={active.providerId} />}
      <p>
        <strong>{t(pm.customerSees)}{t(messages.colon)}</strong>{t(scenario.symptom)}
      </p>
      <p>
        <strong>{t(pm.lookFor)}{t(messages.colon)}</strong><code data-testid="scenario-shows">{scenario.shows}</code>
      </p>
      <CauseAndFix cause={scenario.cause} fix={scenario.fix} source={scenario.source} quoteClass="border-red-500/50" />
    </section>
  );
}
