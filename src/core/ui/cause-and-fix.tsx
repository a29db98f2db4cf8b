import { messages } from "../i18n/messages.ts";
import { pm } from "../i18n/page-messages.ts";
import type { Localized } from "../i18n/localized.ts";
import { useT } from "../i18n/use-t.ts";
import { plainQuote } from "./plain-quote.ts";

/** Why something failed and what to do, with the document's line it comes from: one look wherever an error is explained. */
export function CauseAndFix({ cause, fix, source, quoteClass = "border-line" }: { cause: Localized; fix: Localized; source?: string | undefined; quoteClass?: string }) {
  const t = useT();
  return (
    <>
      <p>
        <strong>{t(pm.cause)}{t(messages.colon)}</strong>{t(cause)}
      </p>
      <p>
        <strong>{t(pm.fix)}{t(messages.colon)}</strong>{t(fix)}
      </p>
      {source && (
        <blockquote className={`font-mono text-xs text-muted border-l-2 pl-2 wrap-anywhere ${quoteClass}`}>
          {t(pm.fromDocument)}{t(messages.colon)}{plainQuote(source)}
        </blockquote>
      )}
    </>
  );
}
