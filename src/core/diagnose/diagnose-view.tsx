import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import type { Fixtures } from "../api/control.ts";
import { RedactToggle } from "../exchange/redact-toggle.tsx";
import { RedactionWith, useScreenRedaction, useShown } from "../exchange/redaction-context.tsx";
import { RevealList } from "../exchange/reveal-list.tsx";
import type { Localized } from "../i18n/localized.ts";
import { messages } from "../i18n/messages.ts";
import { useT } from "../i18n/use-t.ts";
import { DEFAULT_WORKSPACE, flowPath, type WorkspaceId } from "../workspace/paths.ts";
import { diagnose, diagnoseReplay } from "./diagnose.ts";
import { evidenceExchanges, parsedOf, redactFindings, redactParsed, valueNames, type ShownFinding } from "./diagnose-redaction.ts";
import { Replay, sendReplay } from "./diagnose-replay.tsx";
import { dm } from "./messages.ts";
import type { Diagnosis, Evidence, Finding, ProviderEndpoints } from "./types.ts";
import { plainQuote } from "../ui/plain-quote.ts";

export type StepsOf = (providerId: string) => Promise<Array<{ id: string; title: Localized }>>;

const chip = { error: "chip chip-bad", warning: "chip chip-warn", info: "chip chip-info" } as const;

/**
 * The redirect_uri / client_id diff: marks are text ([+x] / [−x]) and <ins>/<del>, never colour alone.
 * A diff whose sides hold a secret shows them redacted and no marks (they would spell it).
 */
function DiffView({ diff }: { diff: NonNullable<ShownFinding["diff"]> }) {
  const t = useT();
  return (
    <figure className="mt-1 space-y-1">
      <figcaption className="text-xs text-muted">
        {t(dm.diffLabel)} — {t(dm.diffLegend)}
      </figcaption>
      <dl className="grid grid-cols-[auto_1fr] gap-x-2 code-block">
        <dt className="text-muted">{t(dm.expected)}</dt>
        <dd className="wrap-anywhere">{diff.expected}</dd>
        <dt className="text-muted">{t(dm.actual)}</dt>
        <dd className="wrap-anywhere">{diff.actual}</dd>
        {diff.ops && (
          <>
            <dt className="text-muted">diff</dt>
            <dd className="wrap-anywhere" data-testid="char-diff">
              {diff.ops.map((op, i) =>
                op.op === "same" ? (
                  <span key={i}>{op.text}</span>
                ) : op.op === "extra" ? (
                  <ins key={i} className="no-underline rounded bg-red-100 px-0.5 font-bold text-red-900 dark:bg-red-900/50 dark:text-red-100">
                    [+{op.text}]
                  </ins>
                ) : (
                  <del key={i} className="no-underline rounded bg-amber-100 px-0.5 font-bold text-amber-900 dark:bg-amber-900/50 dark:text-amber-100">
                    [−{op.text}]
                  </del>
                ),
              )}
            </dd>
          </>
        )}
      </dl>
    </figure>
  );
}

function FindingItem({ finding }: { finding: ShownFinding }) {
  const t = useT();
  return (
    <li className="py-2 space-y-1">
      <p className="text-sm">
        <span className={chip[finding.severity]}>{t(dm.severity[finding.severity])}</span> {t(finding.message)}
      </p>
      {finding.fix && (
        <p className="text-sm text-muted">
          <strong>{t(dm.fix)}{t(messages.colon)}</strong>{t(finding.fix)}
        </p>
      )}
      {finding.source && (
        <p className="text-xs text-muted">
          {t(dm.fromDoc)}{t(messages.colon)}<code className="code-line wrap-anywhere">{plainQuote(finding.source)}</code>
        </p>
      )}
      {finding.diff && <DiffView diff={finding.diff} />}
    </li>
  );
}

function ParsedTable({ d }: { d: Diagnosis }) {
  const t = useT();
  const parsed = useMemo(() => parsedOf(d.evidence), [d.evidence]);
  const { shown, hidden } = useShown(parsed, redactParsed);
  const { head, rows } = shown;
  return (
    <section aria-labelledby="parsed-heading" className="space-y-2">
      <h3 id="parsed-heading" className="panel-title">
        {t(d.step === "response" ? dm.parsedResponse : dm.parsed)}
      </h3>
      {head && <p className="code-line wrap-anywhere">{head}</p>}
      <RevealList hidden={hidden} />
      {rows.length > 0 && (
        <table className="w-full text-xs">
          <thead>
            <tr className="text-left text-muted">
              <th scope="col" className="py-1 pr-2 font-medium">{t(dm.where)}</th>
              <th scope="col" className="py-1 pr-2 font-medium">{t(dm.name)}</th>
              <th scope="col" className="py-1 font-medium">{t(dm.value)}</th>
            </tr>
          </thead>
          <tbody className="font-mono">
            {rows.map(({ where, name, value }, i) => (
              <tr key={i} className="border-t border-line align-top">
                <td className="py-1 pr-2 text-muted">{where}</td>
                <td className="py-1 pr-2">{name}</td>
                <td className="py-1 wrap-anywhere">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function StepPlace({ d, stepsOf, workspace }: { d: Diagnosis; stepsOf?: StepsOf; workspace: WorkspaceId }) {
  const t = useT();
  const provider = d.provider?.id;
  const wanted = d.endpoint?.flowSteps ?? [];
  const steps = useQuery({ queryKey: ["diagnose", "steps", provider], queryFn: () => stepsOf!(provider!), enabled: !!stepsOf && !!provider && wanted.length > 0, staleTime: Infinity });
  const places = wanted.flatMap((id) => {
    const index = steps.data?.findIndex((s) => s.id === id) ?? -1;
    return index < 0 ? [] : [{ id, index, title: steps.data![index]!.title }];
  });
  if (!d.endpoint?.docSection && places.length === 0) return null;
  return (
    <>
      {d.endpoint?.docSection && (
        <>
          <dt className="text-muted">{t(dm.docSection)}</dt>
          <dd data-testid="doc-section">{d.endpoint.docSection}</dd>
        </>
      )}
      {places.length > 0 && (
        <>
          <dt className="text-muted">{t(dm.wizardStep)}</dt>
          <dd data-testid="wizard-step" className="space-x-3">
            {places.map((p) => (
              <a key={p.id} className="underline" href={flowPath(workspace, provider!, p.id)}>
                {t(dm.wizardStepOf(p.index + 1, steps.data!.length, t(p.title)))}
              </a>
            ))}
          </dd>
        </>
      )}
    </>
  );
}

/** The findings, the request's and the replay's, as the screen shows them: one Reveal per hidden value for the whole list. */
function Findings({ findings, evidence, empty }: { findings: Finding[]; evidence: Evidence; empty: Localized | undefined }) {
  const t = useT();
  const of = useMemo(() => ({ findings, names: valueNames(evidence) }), [findings, evidence]);
  const { shown, hidden } = useShown(of, redactFindings);
  return (
    <section aria-labelledby="findings-heading" className="space-y-1">
      <h3 id="findings-heading" className="panel-title">{t(dm.findings)}</h3>
      {empty && (
        <p className="text-sm" data-testid="no-findings">
          {t(empty)}
        </p>
      )}
      <RevealList hidden={hidden} />
      {shown.length > 0 && (
        <ul role="list" aria-labelledby="findings-heading" className="divide-y divide-line">
          {shown.map((f, i) => (
            <FindingItem key={i} finding={f} />
          ))}
        </ul>
      )}
    </section>
  );
}

function Result({ d, stepsOf, workspace }: { d: Diagnosis; stepsOf?: StepsOf; workspace: WorkspaceId }) {
  const t = useT();
  const replay = useMutation({ mutationFn: sendReplay });
  const replayFindings = useMemo(() => (replay.data && d.provider ? diagnoseReplay(d.provider, replay.data.response) : []), [replay.data, d.provider]);
  const findings = useMemo(() => [...d.findings, ...replayFindings], [d.findings, replayFindings]);
  // What was pasted and what its replay sent and got: their secrets are hidden wherever they show below.
  const exchanges = useMemo(() => evidenceExchanges(d.evidence, replay.data), [d.evidence, replay.data]);
  // While redaction is on, nothing is shown before every flow's secret field names are known.
  const waiting = !!useScreenRedaction()?.loading?.size;
  const problems = findings.some((f) => f.severity !== "info");
  const title = (x: { title: Localized } | undefined) => (x ? t(x.title) : "—");
  return (
    <section aria-labelledby="diagnosis-heading" className="space-y-4">
      <h2 id="diagnosis-heading" className="text-lg font-medium">{t(dm.result)}</h2>
      {waiting ? (
        <p role="status" className="text-sm text-muted">{t(dm.loadingSecretFields)}</p>
      ) : (
        <RedactionWith exchanges={exchanges}>
          <div className="panel space-y-4">
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-muted">{t(dm.kind)}</dt>
              <dd>{t(dm.kinds[d.evidence.kind]!)}</dd>
              <dt className="text-muted">{t(dm.provider)}</dt>
              <dd data-testid="detected-provider">{d.provider ? t(d.provider.name) : t(dm.unknownProvider)}</dd>
              <dt className="text-muted">{t(dm.endpoint)}</dt>
              <dd>
                {d.step === "request" ? title(d.endpoint) : d.step === "response" ? title(d.response) : t(dm.steps[d.step]!)}
              </dd>
              <StepPlace d={d} stepsOf={stepsOf} workspace={workspace} />
            </dl>
            <Findings findings={findings} evidence={d.evidence} empty={problems ? undefined : d.replay?.mode !== "fetch" ? dm.noFindings : replay.data ? dm.noFindingsReplayed : dm.noFindingsYet} />
            <ParsedTable d={d} />
          </div>
          {d.replay && <Replay plan={d.replay} replay={replay} verdict={replayFindings[0]} />}
        </RedactionWith>
      )}
    </section>
  );
}

/** Paste → diagnose → findings and a replay against the mock. */
export function DiagnoseView({
  providers,
  fixtures,
  examples,
  stepsOf,
  workspace = DEFAULT_WORKSPACE,
}: {
  providers: ProviderEndpoints[];
  fixtures?: Fixtures;
  examples?: { label: string; text: string }[];
  /** A provider's flow steps, to say which wizard step an endpoint is (a flow is a lazy chunk). */
  stepsOf?: StepsOf;
  workspace?: WorkspaceId;
}) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState("");
  const [result, setResult] = useState<Diagnosis>();
  return (
    <div className="space-y-6">
      <form
        className="panel space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) setResult(diagnose(text, providers, fixtures, workspace));
        }}
      >
        <label htmlFor={id} className="panel-title block">
          {t(dm.pasted)}
        </label>
        <textarea id={id} className="input w-full font-mono text-xs min-h-40" value={text} spellCheck={false} onChange={(e) => setText(e.target.value)} />
        <div className="flex flex-wrap items-center gap-2">
          <button type="submit" className="btn-primary" disabled={!text.trim()}>
            {t(dm.diagnose)}
          </button>
          {examples && examples.length > 0 && (
            <span className="flex flex-wrap items-center gap-1 text-xs">
              <span className="text-muted">{t(dm.examples)}{t(messages.colon)}</span>
              {examples.map((ex) => (
                <button key={ex.label} type="button" className="btn-quiet" onClick={() => setText(ex.text)}>
                  {ex.label}
                </button>
              ))}
            </span>
          )}
          {/* What the page shows below follows it; the pasted text above stays as typed. */}
          <RedactToggle className="ml-auto text-xs" />
        </div>
      </form>
      {result && <Result key={JSON.stringify(result.evidence)} d={result} stepsOf={stepsOf} workspace={workspace} />}
    </div>
  );
}
