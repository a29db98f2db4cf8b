import { pm } from "../i18n/page-messages.ts";
import { Breakable } from "../ui/breakable.tsx";
import { readableUrl } from "./screen-redaction.ts";
import { useT } from "../i18n/use-t.ts";
import { CopyButton } from "../ui/copy-button.tsx";
import { Tabs } from "../ui/tabs.tsx";
import type { Header, RawRequest, RawResponse } from "./exchange.ts";
import { prettyBody } from "./format-body.ts";
import { useShownRequest, useShownResponse } from "./redaction-context.tsx";
import { RevealList } from "./reveal-list.tsx";
import { toCurl } from "./to-curl.ts";

function HeaderList({ headers }: { headers: Header[] }) {
  if (headers.length === 0) return null;
  return (
    <div className="code-block">
      {headers.map(([name, value], i) => (
        <div key={i}>
          <span className="text-sky-700 dark:text-sky-300">{name}</span>: {value}
        </div>
      ))}
    </div>
  );
}

/** A body as text, never as HTML: pretty and raw tabs when a readable form exists. */
export function BodyView({ headers, body, truncated, label }: { headers: Header[]; body: string; truncated?: boolean; label: string }) {
  const t = useT();
  // Not italic: Chinese has no italic, and a slanted 无正文 reads poorly.
  if (!body) return <p className="text-xs text-muted">{t(pm.emptyBody)}</p>;
  const pretty = prettyBody(headers, body);
  const raw = <pre className="code-block whitespace-pre-wrap wrap-anywhere">{body}</pre>;
  return (
    <div>
      {pretty === undefined ? (
        raw
      ) : (
        <Tabs
          label={label}
          tabs={[
            { id: "pretty", title: t(pm.pretty), content: <pre className="code-block whitespace-pre-wrap wrap-anywhere">{pretty}</pre> },
            { id: "raw", title: t(pm.raw), content: raw },
          ]}
        />
      )}
      {truncated && <p className="text-xs text-amber-800 dark:text-amber-300">{t(pm.truncated)}</p>}
    </div>
  );
}

/**
 * A request as sent, with its secrets as fingerprints while redaction is on; Copy as curl copies what is shown.
 * `curlUrlOf`: where the copied curl sends the shown URL, when not to itself (a relayed request goes to the real server).
 */
export function RequestView({ request: sent, showCurl = true, curlUrlOf }: { request: RawRequest; showCurl?: boolean; curlUrlOf?: (shownUrl: string) => string }) {
  const t = useT();
  const { shown: request, hidden } = useShownRequest(sent);
  const url = new URL(request.url, window.location.origin);
  return (
    <div role="group" aria-label={t(pm.request)} className="space-y-1">
      <div className="flex items-start justify-between gap-2">
        <p className="code-line wrap-anywhere">
          <strong>{request.method}</strong> <Breakable text={readableUrl(url.pathname + url.search)} /> HTTP/1.1
        </p>
        {showCurl && <CopyButton text={toCurl({ ...request, url: curlUrlOf ? curlUrlOf(url.toString()) : url.toString() })} label={pm.copyCurl} />}
      </div>
      <RevealList hidden={hidden} />
      <HeaderList headers={[["host", url.host], ...request.headers.filter(([n]) => n.toLowerCase() !== "host")]} />
      {request.omittedCookies ? <p className="text-xs text-muted">{t(pm.omittedCookies(request.omittedCookies))}</p> : null}
      <BodyView headers={request.headers} body={request.body} truncated={request.bodyTruncated} label={`${t(pm.request)} ${t(pm.body)}`} />
    </div>
  );
}

export function ResponseView({ response: received }: { response: RawResponse }) {
  const t = useT();
  const { shown: response, hidden } = useShownResponse(received);
  const tone = response.status >= 400 ? "text-red-700 dark:text-red-300" : response.status >= 300 ? "text-amber-800 dark:text-amber-300" : "text-emerald-700 dark:text-emerald-300";
  return (
    <div role="group" aria-label={t(pm.response)} className="space-y-1">
      <p className="code-line">
        HTTP/1.1 <strong className={tone}>{response.status}</strong> {response.statusText}
      </p>
      <RevealList hidden={hidden} />
      <HeaderList headers={response.headers} />
      <BodyView headers={response.headers} body={response.body} truncated={response.bodyTruncated} label={`${t(pm.response)} ${t(pm.body)}`} />
    </div>
  );
}
