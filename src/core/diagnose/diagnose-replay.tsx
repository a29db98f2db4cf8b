import type { UseMutationResult } from "@tanstack/react-query";
import { RequestView, ResponseView } from "../exchange/exchange-view.tsx";
import type { Header, RawRequest, RawResponse } from "../exchange/exchange.ts";
import { useShown, useShownUrl } from "../exchange/redaction-context.tsx";
import type { Labeler, Secrets } from "../exchange/redact.ts";
import { RevealList } from "../exchange/reveal-list.tsx";
import { messages } from "../i18n/messages.ts";
import { useT } from "../i18n/use-t.ts";
import { redactFinding } from "./diagnose-redaction.ts";
import { dm } from "./messages.ts";
import type { Finding, ReplayPlan } from "./types.ts";
import { readableUrl } from "../exchange/screen-redaction.ts";

export interface Replayed {
  request: RawRequest;
  response: RawResponse;
}

export async function sendReplay(plan: ReplayPlan): Promise<Replayed> {
  const request: RawRequest = { method: plan.method, url: plan.url, headers: plan.headers, body: plan.body };
  const res = await fetch(plan.url, { method: plan.method, headers: plan.headers, body: plan.method === "GET" || plan.method === "HEAD" ? undefined : plan.body, credentials: "omit", redirect: "manual" });
  const headers: Header[] = [...res.headers];
  return { request, response: { status: res.status, statusText: res.statusText, headers, body: await res.text() } };
}

const redactVerdict = (verdict: Finding | undefined, secrets: Secrets, _fields: unknown, labeler: Labeler) => verdict && redactFinding(verdict, secrets, labeler);

/**
 * The replay against the mock: a navigation is opened, anything else sent; its answer is judged with the findings.
 * While redaction is on, the URL, the request (and its Copy as curl), the answer and the verdict show fingerprints;
 * the verdict's values are revealed from the findings' list, where the same verdict stands.
 */
export function Replay({ plan, replay, verdict: judged }: { plan: ReplayPlan; replay: UseMutationResult<Replayed, Error, ReplayPlan>; verdict: Finding | undefined }) {
  const t = useT();
  const { shown: url, hidden } = useShownUrl(plan.url);
  const { shown: verdict } = useShown(judged, redactVerdict);
  if (plan.mode === "navigate")
    return (
      <section aria-labelledby="replay-heading" className="panel space-y-2">
        <h3 id="replay-heading" className="panel-title">{t(dm.replay)}</h3>
        <p className="text-sm text-muted">{t(dm.navigationHelp)}</p>
        <a className="btn-primary" href={plan.url} target="_blank" rel="noreferrer">
          {t(dm.openInBrowser)}
        </a>
        <p className="code-line wrap-anywhere">{readableUrl(url)}</p>
        <RevealList hidden={hidden} />
      </section>
    );
  return (
    <section aria-labelledby="replay-heading" className="panel space-y-3">
      <h3 id="replay-heading" className="panel-title">{t(dm.replay)}</h3>
      <p className="text-sm text-muted">{t(dm.replayHelp)}</p>
      <button type="button" className="btn-primary" disabled={replay.isPending} onClick={() => replay.mutate(plan)}>
        {t(replay.isPending ? dm.replaying : dm.replay)}
      </button>
      {replay.isError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {t(dm.replayFailed)}{t(messages.colon)}{String(replay.error)}
        </p>
      )}
      {replay.data && (
        <div className="grid gap-3 lg:grid-cols-2">
          <RequestView request={replay.data.request} />
          <div className="space-y-2">
            <ResponseView response={replay.data.response} />
            {verdict && (
              <div role="status" className="rounded border border-line p-2 text-sm space-y-1">
                {verdict.severity !== "info" && <p className="font-medium">{t(dm.explanation)}</p>}
                <p>{t(verdict.message)}</p>
                {verdict.fix && (
                  <p className="text-muted">
                    <strong>{t(dm.fix)}{t(messages.colon)}</strong>{t(verdict.fix)}
                  </p>
                )}
              </div>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
