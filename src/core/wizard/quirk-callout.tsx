import { pm } from "../i18n/page-messages.ts";
import { wm } from "./messages.ts";
import { useT } from "../i18n/use-t.ts";
import type { Quirk } from "../provider/contract.ts";
import { plainQuote } from "../ui/plain-quote.ts";

/**
 * A place where the document trips people up, quoted, never smoothed over. One that an earlier
 * step already explained (`seenAt`, its number) is folded to its title, so the step's own
 * parameters and request are not pushed out of view by a card the user has read.
 */
export function QuirkCallout({ quirk, seenAt }: { quirk: Quirk; seenAt?: number | undefined }) {
  const t = useT();
  const title = (
    <>
      <span className="chip chip-warn mr-2">{t(pm.quirk)}</span>
      {t(quirk.title)}
      {seenAt !== undefined && <span className="font-normal text-muted"> {t(wm.quirkSeenAt(seenAt))}</span>}
    </>
  );
  const body = (
    <>
      <p>{t(quirk.detail)}</p>
      <blockquote className="font-mono text-xs text-muted border-l-2 border-amber-500/50 pl-2 wrap-anywhere">{plainQuote(quirk.source)}</blockquote>
    </>
  );
  return (
    <aside aria-label={`${t(pm.quirk)}: ${t(quirk.title)}`} className="rounded-md border border-amber-500/50 bg-amber-50 dark:bg-amber-950/30 p-3 text-sm space-y-1" data-quirk={quirk.id}>
      {seenAt === undefined ? (
        <>
          <p className="font-semibold">{title}</p>
          {body}
        </>
      ) : (
        <details>
          <summary className="cursor-pointer font-semibold">{title}</summary>
          <div className="space-y-1 mt-1">{body}</div>
        </details>
      )}
    </aside>
  );
}
