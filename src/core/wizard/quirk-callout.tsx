import { messages } from "../i18n/messages.ts";
import { useT } from "../i18n/use-t.ts";
import type { Quirk } from "../provider/contract.ts";
import { plainQuote } from "../ui/plain-quote.ts";

/** A place where the document trips people up, quoted, never smoothed over. */
export function QuirkCallout({ quirk }: { quirk: Quirk }) {
  const t = useT();
  return (
    <aside aria-label={`${t(messages.quirk)}: ${t(quirk.title)}`} className="rounded-md border border-amber-500/50 bg-amber-50 dark:bg-amber-950/30 p-3 text-sm space-y-1" data-quirk={quirk.id}>
      <p className="font-semibold">
        <span className="chip chip-warn mr-2">{t(messages.quirk)}</span>
        {t(quirk.title)}
      </p>
      <p>{t(quirk.detail)}</p>
      <blockquote className="font-mono text-xs text-muted border-l-2 border-amber-500/50 pl-2 wrap-anywhere">{plainQuote(quirk.source)}</blockquote>
    </aside>
  );
}
