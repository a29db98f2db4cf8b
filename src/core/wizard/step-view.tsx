import { Fragment, useRef } from "react";
import { RequestView, ResponseView } from "../exchange/exchange-view.tsx";
import { parseJson } from "../exchange/format-body.ts";
import type { Localized } from "../i18n/localized.ts";
import { messages } from "../i18n/messages.ts";
import { pm } from "../i18n/page-messages.ts";
import { wm } from "./messages.ts";
import { useT } from "../i18n/use-t.ts";
import { explainError } from "../provider/explain-error.ts";
import { ScenarioBanner } from "../scenario/scenario-banner.tsx";
import type { Scenario } from "../scenario/types.ts";
import { pathInWorkspace } from "../workspace/paths.ts";
import { ClockHintButton } from "../clock/clock-hint-button.tsx";
import { checkStep } from "./engine.ts";
import { LiveDifferences } from "../live/live-differences.tsx";
import { OutcomeView } from "./outcome-view.tsx";
import { ParamsForm } from "./params-form.tsx";
import { QuirkCallout } from "./quirk-callout.tsx";
import { Breakable } from "../ui/breakable.tsx";
import { MoreBelow } from "../ui/more-below.tsx";
import { plainQuote } from "../ui/plain-quote.ts";
import { RequestPreview } from "./request-preview.tsx";
import { useWizardActions } from "./use-wizard-store.ts";
import type { RunPlace } from "./target.ts";
import type { Flow, Step, StepContext, StepResult } from "./types.ts";
import { useRunStep } from "./use-run-step.ts";

interface Props {
  flow: Flow;
  step: Step;
  index: number;
  ctx: StepContext;
  /** Where the step runs: its workspace and target. */
  place: RunPlace;
  result: StepResult | undefined;
  onNext: (() => void) | undefined;
  /** Every step's last result: a quirk an earlier one showed is folded here. */
  results: Record<string, StepResult>;
  /** The reproduced scenario failing at this step, if any. */
  scenario?: Scenario | undefined;
}

const RUN_LABEL = { setup: pm.save, navigate: pm.go, http: pm.run, jsonp: pm.run, callback: pm.run };

/** One step: what the document says, its parameters, what will be sent, what came back. */
/** The number of the first step before `index` that `showed` holds for (with its last result), if any. */
function firstStepBefore(flow: Flow, index: number, results: Record<string, StepResult>, showed: (step: Step, result: StepResult | undefined) => boolean): number | undefined {
  const at = flow.steps.findIndex((s, i) => i < index && showed(s, results[s.id]));
  return at < 0 ? undefined : at + 1;
}
/** A quirk shown before the step ran or in its result. */
const showedQuirk = (id: string) => (step: Step, result: StepResult | undefined) => !!(step.quirks?.includes(id) || result?.outcome.quirks?.includes(id));
/** A warning about a value, word for word, in the step's result. */
const showedNote = (note: Localized) => (_step: Step, result: StepResult | undefined) => !!result?.outcome.facts?.some((f) => f.note?.en === note.en);

export function StepView({ flow, step, index, ctx, place, result, results, onNext, scenario }: Props) {
  const t = useT();
  const { contract } = flow;
  const { paramEdited, optionChosen, paramsRestored } = useWizardActions();
  const run = useRunStep(flow, step, place);
  const column = useRef<HTMLDivElement>(null);
  const onlyRequest = step.kind === "callback" ? wm.callbackRequest : wm.requestOnly;
  const key = { workspace: place.workspace, providerId: place.providerId };
  const warnings = checkStep(step, ctx);
  const clockHint = step.clockHint?.(ctx);
  const quirkIds = [...(step.quirks ?? []), ...(result?.outcome.quirks ?? [])];
  const quirks = contract.quirks.filter((q) => quirkIds.includes(q.id));
  // Once the step went well, "Next step" is the button to press: the run button steps back to outlined.
  const canGoOn = !!result && result.outcome.status !== "error" && !!onNext;
  const explanation =
    result?.response && result.outcome.status !== "success" ? explainError(contract.errors, result.response.status, parseJson(result.response.body)) : undefined;

  return (
    <>
      {/* The step column: everything to read and edit scrolls; what will be sent and the run button stay below it. */}
      <main id="main" aria-labelledby="step-title" className="@container min-w-0 flex flex-col lg:min-h-0">
        <div ref={column} className="relative flex-1 space-y-5 p-4 lg:p-6 lg:overflow-auto lg:min-h-0">
          <header className="space-y-2">
            <p className="text-xs uppercase tracking-wide text-muted">
              {t(pm.step)} {index + 1} / {flow.steps.length}
            </p>
            <h2 id="step-title" tabIndex={-1} className="text-xl font-semibold outline-none wrap-anywhere">
              <Breakable text={t(step.title)} />
              {/* A space, not a margin, before each badge: one wrapped under a long title starts flush left. */}
              {step.badges?.map((b) => (
                <Fragment key={b}>
                  {" "}
                  <span className={`chip align-middle ${b === "assumed" ? "chip-warn" : "chip-info"}`} title={b === "simulated" ? t(pm.simulatedHelp) : undefined}>
                    {t(b === "simulated" ? pm.simulated : pm.assumed)}
                  </span>
                </Fragment>
              ))}
            </h2>
            {/* A reproduced scenario's card comes first after the title: it is what the support person came for. */}
            {scenario && <ScenarioBanner scenario={scenario} />}
            <p className="leading-relaxed wrap-anywhere">
              <Breakable text={t(step.explain)} />
            </p>
            {step.doc && (
              <details className="text-sm">
                <summary className="cursor-pointer text-muted">{t(pm.fromDocument)}</summary>
                <pre className="code-block whitespace-pre-wrap mt-1">{plainQuote(step.doc)}</pre>
              </details>
            )}
          </header>

          {quirks.map((q) => (
            <QuirkCallout key={q.id} quirk={q} seenAt={firstStepBefore(flow, index, results, showedQuirk(q.id))} />
          ))}

          <ParamsForm
            step={step}
            ctx={ctx}
            warnings={warnings}
            onParam={(name, value) => paramEdited(key, step.id, name, value, step.params?.find((p) => p.name === name)?.secret === true)}
            onOption={(id, value) => optionChosen(key, step.id, id, value)}
            onRestore={() => paramsRestored(key, step.id)}
          />

        </div>
        <div className="relative h-0">
          <MoreBelow box={column} label={t(pm.moreBelow)} />
        </div>

        {/* What will be sent stays pinned above its run button, whatever the explanation, quirks and
            parameters above take: an edit shows in the request at once, at every window size. */}
        {step.kind !== "setup" && step.kind !== "callback" && (
          <section aria-labelledby="will-send" className="will-send">
            <h3 id="will-send" className="panel-title">
              {t(pm.willSend)}
            </h3>
            <RequestPreview step={step} ctx={ctx} />
          </section>
        )}

        {step.kind === "callback" && (
          // Nothing to send here: the provider's redirect ran this step. Where the run button would be, say so and how to run it again.
          <p className="action-bar text-sm text-muted">{t(wm.callbackRunsItself(flow.steps.findLastIndex((s, i) => i < index && s.kind === "navigate") + 1))}</p>
        )}
        {step.kind !== "callback" && (
          <div className="action-bar" data-testid="action-bar">
            <button type="button" className={canGoOn ? "btn-secondary" : "btn-primary"} disabled={run.isPending} onClick={() => run.mutate(ctx)}>
              {run.isPending ? t(pm.running) : t(RUN_LABEL[step.kind])}
            </button>
            {clockHint !== undefined && clockHint > 0 && <ClockHintButton seconds={clockHint} workspace={place.workspace} />}
            {warnings.length > 0 && (
              <span className="text-sm text-amber-800 dark:text-amber-300" role="status">
                ⚠ {t(pm.validation)}{t(messages.colon)}{warnings.length}
              </span>
            )}
            {run.error && (
              <span role="alert" className="text-sm text-red-700 dark:text-red-300">
                {String(run.error.message)}
              </span>
            )}
          </div>
        )}
      </main>

      {/* The result column: the outcome starts at its top, beside the run button, whatever the step above holds. */}
      <div className="relative min-w-0 p-4 lg:p-6 lg:overflow-auto lg:min-h-0 border-t lg:border-t-0 lg:border-l border-line bg-surface/50">
        <section aria-labelledby="came-back" className="panel space-y-3">
          <div className="flex items-center justify-between gap-3 min-h-9">
            <h3 id="came-back" className="panel-title">
              {t(pm.cameBack)}
            </h3>
            {canGoOn && (
              <button type="button" className="btn-primary" onClick={onNext}>
                {t(pm.next)} →
              </button>
            )}
          </div>
          {run.isPending ? (
            <p className="text-sm text-muted" role="status">
              {t(pm.running)}
            </p>
          ) : result ? (
            <>
              <OutcomeView
                outcome={result.outcome}
                explanation={explanation}
                workspace={place.workspace}
                inScenario={!!scenario && result.outcome.status === "error"}
                noteSeenAt={(note) => firstStepBefore(flow, index, results, showedNote(note))}
              />
              {result.live && <LiveDifferences live={result.live} />}
              {result.earlier?.map((e, i, all) => (
                <details key={i} className="text-sm border border-line rounded p-2">
                  <summary className="cursor-pointer">
                    {t(wm.earlierExchange(i + 1, all.length))}{t(messages.colon)}{e.request.method} {pathInWorkspace(new URL(e.request.url).pathname)} → {e.response.status}
                  </summary>
                  <div className="space-y-2 mt-2">
                    <RequestView request={e.request} />
                    <ResponseView response={e.response} />
                  </div>
                </details>
              ))}
              {result.response ? (
                <ResponseView response={result.response} />
              ) : (
                result.request && (
                  <section aria-label={t(onlyRequest)} className="space-y-1">
                    <h4 className="text-xs font-medium text-muted">{t(onlyRequest)}</h4>
                    <RequestView request={result.request} showCurl={false} />
                  </section>
                )
              )}
            </>
          ) : (
            <p className="text-sm text-muted">{t(pm.notRunYet)}</p>
          )}
        </section>
      </div>
    </>
  );
}
