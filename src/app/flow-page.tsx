import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useRef } from "react";
import { Navigate, useLocation, useNavigate, useParams, useSearchParams } from "react-router";
import { clockQuery, fixturesQuery } from "../core/api/control.ts";
import { TrafficPanel } from "../core/exchange/traffic-panel.tsx";
import { useTraffic } from "../core/exchange/use-traffic.ts";
import { ExportBar } from "../core/export/export-bar.tsx";
import { PERMALINK_PARAM, readPermalink } from "../core/export/permalink.ts";
import { failingExchange } from "../core/export/support-bundle.ts";
import { failedJudge } from "../core/provider/failure.ts";
import { ScenarioPanel } from "../core/scenario/scenario-panel.tsx";
import { useActiveScenario } from "../core/scenario/store.ts";
import { usePrefsActions, useTrafficCollapsed, useTrafficHeight } from "../core/prefs/store.ts";
import { Breakable } from "../core/ui/breakable.tsx";
import { ResizableDrawer } from "../core/ui/resizable-drawer.tsx";
import { messages } from "../core/i18n/messages.ts";
import { pm } from "../core/i18n/page-messages.ts";
import { useT } from "../core/i18n/use-t.ts";
import { splitEdits, stepContext } from "../core/wizard/engine.ts";
import { StepList } from "../core/wizard/step-list.tsx";
import { useQueryParamOnce } from "../core/ui/use-query-param-once.ts";
import { StepView } from "../core/wizard/step-view.tsx";
import { useFlowRecord, useWizardActions } from "../core/wizard/use-wizard-store.ts";
import { placeFor } from "../core/wizard/target.ts";
import { lm } from "../core/live/messages.ts";
import { TargetControl } from "../core/live/target-control.tsx";
import { useLiveTarget } from "../core/live/use-live-target.ts";
import { flowPath, homePath, mockBase } from "../core/workspace/paths.ts";
import { useWorkspace } from "../core/workspace/use-workspace.ts";
import { RedactionScope } from "./redaction-scope.tsx";
import { isFocusStep } from "./focus-step.ts";
import { findProvider } from "./registry.ts";
import { useFlow } from "./use-flow.ts";

export function FlowPage() {
  const t = useT();
  const { providerId, stepId } = useParams();
  const navigate = useNavigate();
  const entry = findProvider(providerId);
  const flow = useFlow(providerId);
  const workspace = useWorkspace();
  const key = { workspace, providerId: providerId ?? "" };
  const fixtures = useQuery(fixturesQuery(workspace));
  const clock = useQuery(clockQuery(workspace));
  const record = useFlowRecord(key);
  const { flowRestarted, flowImported } = useWizardActions();
  const traffic = useTraffic(workspace);
  const trafficCollapsed = useTrafficCollapsed();
  const trafficHeight = useTrafficHeight();
  const { trafficResized } = usePrefsActions();
  const [searchParams] = useSearchParams();
  const liveTarget = useLiveTarget(workspace, providerId ?? "");
  const location = useLocation();

  // A shared permalink restores the sender's parameters and options (never secrets), then leaves the URL clean.
  useQueryParamOnce(
    PERMALINK_PARAM,
    (raw) => {
      const shared = readPermalink(raw);
      if (shared && flow.data) flowImported(key, { ...splitEdits(flow.data, shared.edits), options: shared.options });
    },
    !!flow.data,
  );
  const titleRef = useRef<string | undefined>(undefined);

  const providerTraffic = (traffic.data ?? []).filter((e) => e.provider === providerId);
  const contract = flow.data?.contract;
  const failed = useMemo(() => (contract ? failedJudge(contract, contract.id) : undefined), [contract]);
  const active = useActiveScenario();
  const scenario = active && active.providerId === providerId && active.workspace === workspace ? flow.data?.scenarios?.find((s) => s.id === active.scenarioId) : undefined;
  const steps = flow.data?.steps ?? [];
  const index = steps.findIndex((s) => s.id === stepId);
  const step = steps[index];

  // Move focus to the new step's heading so keyboard and screen-reader users follow along; also when
  // the page was loaded anew by the redirect back from the provider (the callback page says so).
  const focusAsked = isFocusStep(location.state);
  const shownStep = step && fixtures.data ? step.id : undefined;
  useEffect(() => {
    if (!shownStep) return;
    const changed = titleRef.current !== undefined && titleRef.current !== shownStep;
    if (changed || focusAsked) document.getElementById("step-title")?.focus();
    titleRef.current = shownStep;
  }, [shownStep, focusAsked]);

  if (!entry) return <Navigate to={homePath(workspace)} replace />;
  // The query (a permalink, a scenario link) goes along to the first step.
  if (flow.data && !step) return <Navigate to={{ pathname: flowPath(workspace, entry.meta.id, steps[0]!.id), search: searchParams.toString() }} replace />;

  const meta = entry.meta;
  const place = placeFor(window.location.origin, workspace, meta.id, liveTarget);
  const page = (
    <div className="flex-1 flex flex-col min-h-0">
      <div className="flex-1 grid lg:grid-cols-[13rem_minmax(0,1fr)_minmax(0,1fr)] xl:grid-cols-[15rem_minmax(0,1fr)_minmax(0,1fr)] min-h-0">
        <aside className="relative border-b lg:border-b-0 lg:border-r border-line p-4 space-y-4 bg-surface lg:overflow-auto lg:min-h-0">
          <div>
            <h1 className="font-semibold">{t(meta.name)}</h1>
            <p className="text-xs text-muted mt-1">
              {t(messages.sourceDocument)}{t(messages.colon)}《{meta.documentTitle ?? meta.sourceDocument}》{meta.documentOrigin && ` · ${t(meta.documentOrigin)}`}
            </p>
            <dl className="text-xs mt-2 space-y-0.5" aria-label={t(pm.baseMapping)}>
              <div>
                <dt className="inline text-muted">{t(pm.documented)}{t(messages.colon)}</dt>
                <dd className="inline font-mono">{meta.documentedBase || t(messages.noHost)}</dd>
              </div>
              <div>
                <dt className="inline text-muted">{t(place.target.real ? lm.realBase : pm.mock)}{t(messages.colon)}</dt>
                <dd className="inline font-mono wrap-anywhere">
                  <Breakable text={place.target.real ?? window.location.origin + mockBase(workspace, meta.id)} />
                </dd>
              </div>
            </dl>
          </div>
          <TargetControl workspace={workspace} providerId={meta.id} documentedBase={meta.documentedBase} />
          {/* All of it arrives with the flow's chunk: nothing above it, nothing to push down. */}
          {flow.data && (
            <>
              <StepList flow={flow.data} results={record.results} workspace={workspace} />
              <ScenarioPanel flow={flow.data} place={place} />
              <button
                type="button"
                className="btn-quiet text-xs"
                onClick={() => {
                  flowRestarted(key);
                  if (steps[0]) navigate(flowPath(workspace, meta.id, steps[0].id));
                }}
              >
                {t(pm.restartFlow)}
              </button>
            </>
          )}
        </aside>
        <p className="sr-only" aria-live="polite">
          {step ? `${t(pm.stepChanged)} ${index + 1}: ${t(step.title)}` : ""}
        </p>
        {flow.data && step && fixtures.data ? (
          <StepView
            key={step.id}
            flow={flow.data}
            step={step}
            index={index}
            ctx={stepContext(flow.data, step, record, { fixtures: fixtures.data[meta.id], place, now: clock.data?.now })}
            place={place}
            result={record.results[step.id]}
            results={record.results}
            onNext={steps[index + 1] ? () => navigate(flowPath(workspace, meta.id, steps[index + 1]!.id)) : undefined}
            scenario={scenario?.failingStep === step.id ? scenario : undefined}
          />
        ) : (
          <main id="main" className="p-6 text-muted">{flow.error || fixtures.error ? String(flow.error ?? fixtures.error) : "…"}</main>
        )}
      </div>
      <ResizableDrawer label={t(pm.trafficDrawer)} handleLabel={t(pm.resizeTraffic)} collapsed={trafficCollapsed} height={trafficHeight} onResize={trafficResized}>
        <TrafficPanel
          provider={meta.id}
          providerName={t(meta.name)}
          failed={failed}
          highlightId={scenario && flow.data ? failingExchange(flow.data, providerTraffic)?.id : undefined}
          // null, not undefined, while the flow loads: the toolbar's row is kept, so the list below it does not jump.
          toolbar={flow.data && step ? <ExportBar flow={flow.data} record={record} stepId={step.id} exchanges={providerTraffic} /> : null}
        />
      </ResizableDrawer>
    </div>
  );
  // While "Redact secrets" is ticked, every view and copy below shows fingerprints.
  return <RedactionScope waitFor={meta.id} record={record} traffic={traffic.data ?? []}>{page}</RedactionScope>;
}
