import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { clockQuery, controlKeys, resetMocks } from "../api/control.ts";
import { formatClockTime, formatOffset, formatUnix } from "../i18n/format.ts";
import { messages } from "../i18n/messages.ts";
import { useT } from "../i18n/use-t.ts";
import { useLocale } from "../prefs/store.ts";
import { Popover } from "../ui/popover.tsx";
import { useWorkspace } from "../workspace/use-workspace.ts";
import { useWorkspaceGone } from "../workspace/use-workspace-gone.ts";
import { useAdvanceClock } from "./use-advance-clock.ts";

const PRESETS = [600, 7200, 86400];

export const ClockIcon = () => (
  <svg viewBox="0 0 16 16" className="h-3.5 w-3.5 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
    <circle cx="8" cy="8" r="6.25" />
    <path d="M8 4.5V8l2.5 1.5" strokeLinecap="round" />
  </svg>
);

/** The virtual clock, visible everywhere: a compact button (time of day, offset) opening presets, any amount, reset. */
export function ClockControl() {
  const t = useT();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const workspace = useWorkspace();
  // A gone workspace has no clock or seed to show: the page says it is gone instead.
  const gone = useWorkspaceGone();
  const { data } = useQuery({ ...clockQuery(workspace), enabled: !gone });
  const [custom, setCustom] = useState("");
  const advance = useAdvanceClock(workspace);
  const reset = useMutation({
    mutationFn: () => resetMocks(workspace),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: controlKeys.workspace(workspace) }),
  });
  const now = data ? formatUnix(data.now, locale) : "";
  const offset = data && data.offset !== 0 ? formatOffset(data.offset, locale) : "";
  // The button's chip in narrow units ("+10m", "+11d 21h"): it must fit beside the time whatever the offset.
  const shortOffset = data && data.offset !== 0 ? formatOffset(data.offset, locale, 2, "narrow") : "";
  const shortTime = formatClockTime((data?.now ?? 0) * 1000, locale);
  if (gone) return null;
  return (
    <div role="group" aria-label={t(messages.clock)}>
      <Popover
        label={t(messages.clock)}
        // It starts with what the button shows (the time, the offset's chip), so speech input finds it by its visible text.
        buttonLabel={`${t(messages.clock)}: ${shortTime}${shortOffset ? ` ${shortOffset}` : ""}, ${now}${offset !== shortOffset ? ` (${offset})` : ""}`}
        // A fixed width: moving the clock never pushes the rest of the header about.
        buttonClassName="w-64 justify-start gap-1 text-xs"
        summary={
          <>
            <ClockIcon />
            {/* Said on the button itself: the time beside it is the mocks', not the wall clock's. The words
                are spaced as the accessible name is, so the name contains what is seen. */}
            <span className="min-w-0 truncate">
              <span className="text-muted">{t(messages.clock)}</span>{" "}
              {/* Until the clock answers, a hidden sample of the same format holds the width. */}
              <span className={`font-mono tabular-nums ${data ? "" : "invisible"}`}>{shortTime}</span>
              {offset && (
                <>
                  {" "}
                  <span className="chip chip-warn">{shortOffset}</span>
                </>
              )}
            </span>
          </>
        }
      >
        {() => (
          <div className="space-y-3 text-xs w-72" title={t(messages.clockHelp)}>
            <p>
              <span className="font-mono tabular-nums" aria-live="polite" data-testid="virtual-now">
                {now}
              </span>
              {offset && <span className="chip chip-warn ml-2">{offset}</span>}
            </p>
            <p className="text-muted">{t(messages.clockHelp)}</p>
            <div className="flex flex-wrap gap-1">
              {PRESETS.map((seconds) => {
                const label = formatOffset(seconds, locale);
                return (
                  <button key={seconds} type="button" className="btn-quiet" aria-label={`${t(messages.advanceBy)} ${label}`} onClick={() => advance.mutate(seconds)}>
                    {label}
                  </button>
                );
              })}
            </div>
            <form
              className="flex items-center gap-1"
              onSubmit={(e) => {
                e.preventDefault();
                const seconds = Number(custom);
                if (Number.isFinite(seconds) && seconds !== 0) advance.mutate(seconds);
              }}
            >
              <label className="sr-only" htmlFor="clock-seconds">
                {`${t(messages.advanceBy)} (${t(messages.seconds)})`}
              </label>
              <input id="clock-seconds" inputMode="numeric" placeholder={t(messages.seconds)} value={custom} onChange={(e) => setCustom(e.target.value)} className="input w-24 py-0.5" />
              <button type="submit" className="btn-quiet">
                {t(messages.advance)}
              </button>
            </form>
            <button type="button" className="btn-quiet" title={t(messages.resetAllHelp)} onClick={() => reset.mutate()}>
              {t(messages.resetAll)}
            </button>
          </div>
        )}
      </Popover>
    </div>
  );
}
