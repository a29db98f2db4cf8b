import { formatOffset } from "../i18n/format.ts";
import { messages } from "../i18n/messages.ts";
import { useT } from "../i18n/use-t.ts";
import { useLocale } from "../prefs/store.ts";
import type { WorkspaceId } from "../workspace/paths.ts";
import { ClockIcon } from "./clock-control.tsx";
import { useAdvanceClock } from "./use-advance-clock.ts";

/** The one clock move a step's explanation asks for, beside its run button: no trip to the header's clock. */
export function ClockHintButton({ seconds, workspace }: { seconds: number; workspace: WorkspaceId }) {
  const t = useT();
  const locale = useLocale();
  const advance = useAdvanceClock(workspace);
  const amount = formatOffset(seconds, locale, 2);
  return (
    <button type="button" className="btn-secondary gap-1.5" disabled={advance.isPending} onClick={() => advance.mutate(seconds)}>
      <ClockIcon />
      {t(messages.advanceVirtualClock)} {amount}
    </button>
  );
}
