import { useQuery } from "@tanstack/react-query";
import { fixturesQuery } from "../core/api/control.ts";
import { useWorkspace } from "../core/workspace/use-workspace.ts";
import { DiagnoseView } from "../core/diagnose/diagnose-view.tsx";
import { dm } from "../core/diagnose/messages.ts";
import { useT } from "../core/i18n/use-t.ts";
import { DOCUMENT_EXAMPLES } from "./diagnose-examples.ts";
import { RedactionScope } from "./redaction-scope.tsx";
import { findProvider, loadAllEndpoints } from "./registry.ts";

/** A provider's wizard steps (its flow is a lazy chunk, loaded when a diagnosis names it). */
const stepsOf = async (providerId: string) => (await findProvider(providerId)?.loadFlow())?.steps ?? [];

export function DiagnosePage() {
  const t = useT();
  const workspace = useWorkspace();
  const endpoints = useQuery({ queryKey: ["diagnose", "endpoints"], queryFn: loadAllEndpoints, staleTime: Infinity });
  const fixtures = useQuery(fixturesQuery(workspace));
  return (
    <main id="main" className="max-w-5xl mx-auto w-full p-6 space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">{t(dm.title)}</h1>
        <p className="text-muted max-w-3xl">{t(dm.intro)}</p>
      </div>
      {/* While "Redact secrets" is ticked, what the page shows of the evidence, its findings and its replay (and any copy) shows fingerprints; the result waits for every flow's secret field names. */}
      {endpoints.data ? (
        <RedactionScope>
          <DiagnoseView providers={endpoints.data} fixtures={fixtures.data} examples={DOCUMENT_EXAMPLES} stepsOf={stepsOf} workspace={workspace} />
        </RedactionScope>
      ) : (
        <p className="text-sm text-muted">{t(dm.loading)}</p>
      )}
    </main>
  );
}
