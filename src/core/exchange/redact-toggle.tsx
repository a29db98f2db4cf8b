import { pm } from "../i18n/page-messages.ts";
import { useT } from "../i18n/use-t.ts";
import { useRedactionActions, useRedactOn } from "../prefs/redaction.ts";
import { xm } from "./messages.ts";

/** "Redact secrets": one choice for the screen, every copy and every export, wherever it is offered. */
export function RedactToggle({ className = "" }: { className?: string }) {
  const t = useT();
  const redact = useRedactOn();
  const { redactionToggled } = useRedactionActions();
  return (
    <label className={`flex items-center gap-1 ${className}`} title={t(xm.redactHelp)}>
      <input type="checkbox" checked={redact} onChange={(e) => redactionToggled(e.target.checked)} />
      {t(pm.redactSecrets)}
    </label>
  );
}
