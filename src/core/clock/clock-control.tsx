import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { advanceClock, clockQuery, controlKeys, resetMocks } from "../api/control.ts";
import { messages } from "../i18n/messages.ts";
import { useT } from "../i18n/use-t.ts";
import { useLocale } from "../prefs/store.ts";
import { useWorkspace } from "../workspace/use-workspace.ts";
import { useWorkspaceGone } from "../workspace/use-workspace-gone.ts";
import { formatDuration, formatUnix } from "./format.ts";

const PRESETS = [
  { label: "+10 min", seconds: 600 },
  { label: "+2 h", seconds: 7200 },
  { label: "+1 day", seconds: 86400 },
];

/** The virtual clock, visible everywhere: now, offset, presets, any amount, reset. */
export function ClockControl() {
  const t = useT();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const workspace = useWorkspace();
  // A gone workspace has no clock or seed to show: the page says it is gone instead.
  const gone = useWorkspaceGone();
  const { data } = useQuery({ ...clockQuery(workspace), enabled: !gone });
  const [custom, setCustom] = useState("");
  const advance = useMutation({
    mutationFn: (seconds: number) => advanceClock(workspace, seconds),
    onSuccess: (clock) => queryClient.setQueryData(controlKeys.clock(workspace), clock),
  });
  const reset = useMutation({
    mutationFn: () => resetMocks(workspace),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: controlKeys.workspace(workspace) }),
  });
  if (gone) return null;
  return (
    <div role="group" aria-label={t(messages.clock)} className="flex flex-wrap items-center gap-1 text-xs" title={t(messages.clockHelp)}>
      <span className="font-mono tabular-nums" aria-live="polite" data-testid="virtual-now">
        <span className="sr-only">{t(messages.clock)}: </span>
        {/* Until the clock answers, a hidden sample of the same format holds the width: nothing shifts when it arrives. */}
        <span className={data ? undefined : "invisible"}>{formatUnix(data?.now ?? 0, locale)}</span>
      </span>
      {data && data.offset !== 0 && <span className="chip chip-warn font-mono">{formatDuration(data.offset)}</span>}
      {PRESETS.map((p) => (
        <button key={p.seconds} type="button" className="btn-quiet" aria-label={`${t(messages.advanceBy)} ${p.label}`} onClick={() => advance.mutate(p.seconds)}>
          {p.label}
        </button>
      ))}
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
        <input id="clock-seconds" inputMode="numeric" placeholder={t(messages.seconds)} value={custom} onChange={(e) => setCustom(e.target.value)} className="input w-20 py-0.5" />
        <button type="submit" className="btn-quiet">
          {t(messages.advance)}
        </button>
      </form>
      <button type="button" className="btn-quiet" title={t(messages.resetAllHelp)} onClick={() => reset.mutate()}>
        {t(messages.resetAll)}
      </button>
    </div>
  );
}
