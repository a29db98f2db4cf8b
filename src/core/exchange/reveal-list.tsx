import { messages } from "../i18n/messages.ts";
import { useT } from "../i18n/use-t.ts";
import { useRedactionActions } from "../prefs/redaction.ts";
import { xm } from "./messages.ts";
import type { HiddenValue } from "./screen-redaction.ts";

/**
 * The values a view hides while redaction is on, each with its own Reveal button. `compact`
 * sits beside the one value it is about (a fact): the button then reads just "Reveal", its
 * accessible name still "Reveal <field>".
 */
export function RevealList({ hidden, compact = false }: { hidden: HiddenValue[]; compact?: boolean }) {
  const t = useT();
  const { valueRevealed, valueHidden } = useRedactionActions();
  if (hidden.length === 0) return null;
  return (
    <div role="group" aria-label={t(xm.hiddenOnScreen)} className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs">
      {!compact && <span className="text-muted">{t(xm.hiddenOnScreen)}{t(messages.colon)}</span>}
      {hidden.map((h) => {
        const name = h.field ?? h.label;
        const label = t(h.revealed ? xm.hide(name) : xm.reveal(name));
        return (
          <button
            // The value itself is never written to the page, only used to tell buttons apart.
            key={h.value}
            type="button"
            aria-label={compact ? label : undefined}
            className={`btn-quiet whitespace-nowrap ${compact ? "" : "font-mono"} ${h.revealed ? "chip-warn" : ""}`}
            onClick={() => (h.revealed ? valueHidden(h.value) : valueRevealed(h.value))}
          >
            {compact ? t(h.revealed ? xm.hideShort : xm.revealShort) : label}
          </button>
        );
      })}
    </div>
  );
}
