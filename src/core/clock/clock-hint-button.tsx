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
    // Where the step column is narrow (1024 px screens) the words are for screen readers only, so the
    // button stays on the run button's line; the clock icon is the header clock's, and the tooltip says it.
    <button type="button" className="btn-secondary gap-1.5" title={`${t(messages.advanceVirtualClock)} ${amount}`} disabled={advance.isPending} onClick={() => advance.mutate(seconds)}>
      <ClockIcon />
      <span>
        <span className="@max-md:sr-only">{t(messages.advanceVirtualClock)} </span>
        {amount}
      </span>
    </button>
  );
}
