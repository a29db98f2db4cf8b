import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { Fixtures } from "../api/control.ts";
import { ResponseView, RequestView } from "../exchange/exchange-view.tsx";
import type { Header, RawRequest, RawResponse } from "../exchange/exchange.ts";
import type { Localized } from "../i18n/localized.ts";
import { useT } from "../i18n/use-t.ts";
import { CauseAndFix } from "../ui/cause-and-fix.tsx";
import { diagnose, explainLoosely } from "./diagnose.ts";
import { dm } from "./messages.ts";
import type { Diagnosis, Finding, ProviderEndpoints, ReplayPlan } from "./types.ts";

const chip = { error: "chip chip-bad", warning: "chip chip-warn", info: "chip chip-info" } as const;

/** The redirect_uri / client_id diff: marks are text ([+x] / [−x]) and <ins>/<del>, never colour alone. */
function DiffView({ diff }: { diff: NonNullable<Finding["diff"]> }) {
  const t = useT();
  return (
    <figure className="mt-1 space-y-1">
      <figcaption className="text-xs text-muted">
        {t(dm.diffLabel)} — {t(dm.diffLegend)}
      </figcaption>
      <dl className="grid grid-cols-[auto_1fr] gap-x-2 code-block">
        <dt className="text-muted">{t(dm.expected)}</dt>
        <dd className="break-all">{diff.expected}</dd>
        <dt className="text-muted">{t(dm.actual)}</dt>
        <dd className="break-all">{diff.actual}</dd>
        <dt className="text-muted">diff</dt>
        <dd className="break-all" data-testid="char-diff">
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
      </dl>
    </figure>
  );
}

function FindingItem({ finding }: { finding: Finding }) {
  const t = useT();
  return (
    <li className="py-2 space-y-1">
      <p className="text-sm">
        <span className={chip[finding.severity]}>{t(dm.severity[finding.severity])}</span> {t(finding.message)}
      </p>
      {finding.fix && (
        <p className="text-sm text-muted">
          <strong>{t(dm.fix)}:</strong> {t(finding.fix)}
        </p>
      )}
      {finding.source && (
        <p className="text-xs text-muted">
          {t(dm.fromDoc)}: <code className="code-line break-all">{finding.source}</code>
        </p>
      )}
      {finding.diff && <DiffView diff={finding.diff} />}
    </li>
  );
}

function ParsedTable({ d }: { d: Diagnosis }) {
  const t = useT();
  const ev = d.evidence;
  const rows: [string, string, string][] = [];
  for (const [k, v] of ev.url?.query ?? []) rows.push(["query", k, v]);
  for (const [k, v] of ev.url?.fragment ?? []) rows.push(["fragment", k, v]);
  for (const [k, v] of ev.bodyParams ?? []) rows.push([`body (${ev.bodyEncoding})`, k, typeof v === "string" ? v : JSON.stringify(v)]);
  for (const [k, v] of ev.headers) rows.push(["header", k, v]);
  if (ev.json !== undefined && !ev.bodyParams && ev.json && typeof ev.json === "object")
    for (const [k, v] of Object.entries(ev.json)) rows.push([ev.jsonpCallback ? `JSONP ${ev.jsonpCallback}(…)` : "JSON", k, JSON.stringify(v)]);
  const head = ev.status !== undefined ? `HTTP ${ev.status}` : ev.url ? `${ev.method ?? "(URL)"} ${ev.url.origin}${ev.url.path}` : "";
  return (
    <section aria-labelledby="parsed-heading" className="space-y-2">
      <h3 id="parsed-heading" className="panel-title">
        {t(d.step === "response" ? dm.parsedResponse : dm.parsed)}
      </h3>
      {head && <p className="code-line break-all">{head}</p>}
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
            {rows.map(([where, name, value], i) => (
              <tr key={i} className="border-t border-line align-top">
                <td className="py-1 pr-2 text-muted">{where}</td>
                <td className="py-1 pr-2">{name}</td>
                <td className="py-1 break-all">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

async function sendReplay(plan: ReplayPlan): Promise<{ request: RawRequest; response: RawResponse; body: unknown }> {
  const request: RawRequest = { method: plan.method, url: plan.url, headers: plan.headers, body: plan.body };
  const res = await fetch(plan.url, { method: plan.method, headers: plan.headers, body: plan.method === "GET" || plan.method === "HEAD" ? undefined : plan.body, credentials: "omit", redirect: "manual" });
  const text = await res.text();
  const headers: Header[] = [...res.headers];
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { request, response: { status: res.status, statusText: res.statusText, headers, body: text }, body };
}

function Replay({ d }: { d: Diagnosis }) {
  const t = useT();
  const replay = useMutation({ mutationFn: sendReplay });
  const plan = d.replay!;
  if (plan.mode === "navigate")
    return (
      <section aria-labelledby="replay-heading" className="panel space-y-2">
        <h3 id="replay-heading" className="panel-title">{t(dm.replay)}</h3>
        <p className="text-sm text-muted">{t(dm.navigationHelp)}</p>
        <a className="btn-primary" href={plan.url} target="_blank" rel="noreferrer">
          {t(dm.openInBrowser)}
        </a>
        <p className="code-line break-all">{plan.url}</p>
      </section>
    );
  const explanation = replay.data && d.provider ? explainLoosely(d.provider.errors, replay.data.response.status, replay.data.body) : undefined;
  return (
    <section aria-labelledby="replay-heading" className="panel space-y-3">
      <h3 id="replay-heading" className="panel-title">{t(dm.replay)}</h3>
      <p className="text-sm text-muted">{t(dm.replayHelp)}</p>
      <button type="button" className="btn-primary" disabled={replay.isPending} onClick={() => replay.mutate(plan)}>
        {t(replay.isPending ? dm.replaying : dm.replay)}
      </button>
      {replay.isError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {t(dm.replayFailed)}: {String(replay.error)}
        </p>
      )}
      {replay.data && (
        <div className="grid gap-3 lg:grid-cols-2">
          <RequestView request={replay.data.request} />
          <div className="space-y-2">
            <ResponseView response={replay.data.response} />
            {explanation && (
              <div className="rounded border border-line p-2 text-sm space-y-1">
                <p className="font-medium">{t(dm.explanation)}</p>
                <CauseAndFix cause={explanation.cause} fix={explanation.fix} />
              </div>
            )}
          </div>
        </div>
      )}
    </section>
  );
}

function Result({ d }: { d: Diagnosis }) {
  const t = useT();
  const title = (x: { title: Localized } | undefined) => (x ? t(x.title) : "—");
  return (
    <section aria-labelledby="diagnosis-heading" className="space-y-4">
      <h2 id="diagnosis-heading" className="text-lg font-medium">{t(dm.result)}</h2>
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
        </dl>
        <section aria-labelledby="findings-heading">
          <h3 id="findings-heading" className="panel-title">{t(dm.findings)}</h3>
          {d.findings.length === 0 ? (
            <p className="text-sm">{t(dm.noFindings)}</p>
          ) : (
            <ul role="list" aria-labelledby="findings-heading" className="divide-y divide-line">
              {d.findings.map((f, i) => (
                <FindingItem key={i} finding={f} />
              ))}
            </ul>
          )}
        </section>
        <ParsedTable d={d} />
      </div>
      {d.replay && <Replay key={JSON.stringify(d.replay)} d={d} />}
    </section>
  );
}

/** Paste → diagnose → findings and a replay against the mock. */
export function DiagnoseView({ providers, fixtures, examples }: { providers: ProviderEndpoints[]; fixtures?: Fixtures; examples?: { label: string; text: string }[] }) {
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
          if (text.trim()) setResult(diagnose(text, providers, fixtures));
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
              <span className="text-muted">{t(dm.examples)}:</span>
              {examples.map((ex) => (
                <button key={ex.label} type="button" className="btn-quiet" onClick={() => setText(ex.text)}>
                  {ex.label}
                </button>
              ))}
            </span>
          )}
        </div>
      </form>
      {result && <Result d={result} />}
    </div>
  );
}
