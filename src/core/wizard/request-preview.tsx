import { RequestView } from "../exchange/exchange-view.tsx";
import { useShownUrl } from "../exchange/redaction-context.tsx";
import { RevealList } from "../exchange/reveal-list.tsx";
import { pm } from "../i18n/page-messages.ts";
import { useT } from "../i18n/use-t.ts";
import { Breakable } from "../ui/breakable.tsx";
import { CopyButton } from "../ui/copy-button.tsx";
import { lm } from "../live/messages.ts";
import { realUrl } from "../live/real-url.ts";
import { previewRequest, resolvePath } from "./engine.ts";
import { callbackPlaceholder } from "./jsonp.ts";
import type { Step, StepContext } from "./types.ts";
import { readableUrl } from "../exchange/screen-redaction.ts";

/** What will be sent, exactly, before it is sent. */
export function RequestPreview<V, F>({ step, ctx }: { step: Step<V, F>; ctx: StepContext<V, F> }) {
  const t = useT();
  switch (step.kind) {
    case "http": {
      const request = previewRequest(step.request(ctx), ctx.target.serverBase);
      return <RequestView request={request} curlUrlOf={(shown) => realUrl(shown, ctx.target)} />;
    }
    case "navigate":
    case "jsonp":
      return <UrlPreview step={step} ctx={ctx} url={resolvePath(ctx.target.browserBase, step.url(ctx))} />;
    default:
      return <p className="text-sm text-muted">{t(pm.notRunYet)}</p>;
  }
}

/** A navigation or a script's URL, and its query as a table; secrets as fingerprints while redaction is on. */
function UrlPreview<V, F>({ step, ctx, url: sent }: { step: Step<V, F>; ctx: StepContext<V, F>; url: string }) {
  const t = useT();
  const { shown, hidden } = useShownUrl(sent);
  const url = new URL(shown);
  // The callback is named when the script is added (a fresh name per run): the line shows where it goes.
  const callbackName = step.kind === "jsonp" ? callbackPlaceholder(step.style?.(ctx) ?? "script") : undefined;
  const callbackTail = step.kind === "jsonp" && `${url.search ? "&" : "?"}${step.callbackParam}=${callbackName}`;
  return (
    <div className="space-y-2">
      <div className="flex items-start justify-between gap-2">
        <p className="code-line wrap-anywhere" data-testid="preview-url">
          <strong>GET</strong> <Breakable text={readableUrl(url.toString())} />
          {callbackTail && (
            <span className="text-muted">
              <Breakable text={callbackTail} />
            </span>
          )}
        </p>
        <CopyButton text={url.toString()} label={pm.copyUrl} />
      </div>
      {ctx.target.real && <p className="text-xs text-muted">{t(lm.notRecorded)}</p>}
      <table className="text-xs font-mono w-full">
        <tbody>
          {[...url.searchParams].map(([k, v], i) => (
            <tr key={i} className="border-t border-line">
              <td className="pr-3 py-0.5 text-sky-700 dark:text-sky-300 align-top">{k}</td>
              <td className="wrap-anywhere">{v}</td>
            </tr>
          ))}
          {step.kind === "jsonp" && (
            <tr className="border-t border-line">
              <td className="pr-3 py-0.5 text-sky-700 dark:text-sky-300">{step.callbackParam}</td>
              <td className="text-muted">{callbackName}</td>
            </tr>
          )}
        </tbody>
      </table>
      <RevealList hidden={hidden} />
    </div>
  );
}
