import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { clearTraffic, controlKeys } from "../api/control.ts";
import { DEFAULT_WORKSPACE } from "../workspace/paths.ts";
import { messages } from "../i18n/messages.ts";
import { useT } from "../i18n/use-t.ts";
import { formatClockTime, formatMs } from "../i18n/format.ts";
import { useLocale, usePrefsActions, useTrafficCollapsed } from "../prefs/store.ts";
import type { Exchange } from "./exchange.ts";
import { RequestView, ResponseView } from "./exchange-view.tsx";
import { HarImportError, readHarFile } from "./har-import.ts";
import { useTraffic } from "./use-traffic.ts";

const statusTone = (status: number) =>
  status >= 400 ? "text-red-700 dark:text-red-300" : status >= 300 ? "text-amber-800 dark:text-amber-300" : "text-emerald-700 dark:text-emerald-300";

function pathOf(e: Exchange) {
  const url = new URL(e.request.url, window.location.origin);
  return url.pathname + url.search;
}

/** Every hop the mock saw, live: the list, and the selected exchange in full. */
export function TrafficPanel({ provider, highlightId, toolbar }: { provider?: string; highlightId?: number | undefined; toolbar?: ReactNode }) {
  const t = useT();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const { data: live = [] } = useTraffic();
  const [imported, setImported] = useState<Exchange[] | undefined>();
  const [importError, setImportError] = useState<string | undefined>();
  const data = imported ?? live;
  const [onlyThis, setOnlyThis] = useState(true);
  const [selectedId, setSelectedId] = useState<number | undefined>();
  const collapsed = useTrafficCollapsed();
  const { trafficToggled } = usePrefsActions();
  const clear = useMutation({
    mutationFn: () => clearTraffic(DEFAULT_WORKSPACE),
    onSuccess: () => queryClient.setQueryData(controlKeys.traffic(DEFAULT_WORKSPACE), []),
  });
  const importHar = async (file: File | undefined) => {
    if (!file) return;
    try {
      setImported(await readHarFile(file));
      setImportError(undefined);
      setSelectedId(undefined);
    } catch (error) {
      setImportError(error instanceof HarImportError ? t(error.text) : String(error));
    }
  };
  const shown = (provider && onlyThis && !imported ? data.filter((e) => e.provider === provider) : data).slice().reverse();
  const selected = shown.find((e) => e.id === selectedId) ?? shown.find((e) => e.id === highlightId) ?? shown[0];

  return (
    <section aria-labelledby="traffic-heading" className="flex flex-col min-h-0 h-full">
      <div className="flex items-center justify-between gap-2 px-3 py-2 border-b border-line">
        <h2 id="traffic-heading" className="font-semibold text-sm">
          {t(messages.traffic)} <span className="text-muted font-normal">({shown.length})</span>
        </h2>
        <div className="flex items-center gap-2">
          {provider && (
            <label className="text-xs flex items-center gap-1">
              <input type="checkbox" checked={onlyThis} onChange={(e) => setOnlyThis(e.target.checked)} />
              {t(messages.onlyProvider(provider))}
            </label>
          )}
          <label className="btn-quiet text-xs cursor-pointer">
            {t(messages.importHar)}
            <input type="file" accept=".har,application/json" className="sr-only" aria-label={t(messages.importHar)} onChange={(e) => void importHar(e.target.files?.[0])} />
          </label>
          <button type="button" className="btn-quiet text-xs" onClick={() => clear.mutate()}>
            {t(messages.clearTraffic)}
          </button>
          <button type="button" className="btn-quiet text-xs" aria-expanded={!collapsed} aria-controls="traffic-body" onClick={trafficToggled}>
            {t(collapsed ? messages.showTraffic : messages.hideTraffic)}
          </button>
        </div>
      </div>
      <div id="traffic-body" hidden={collapsed} className="flex-1 min-h-0 flex flex-col">
        {toolbar !== undefined && <div className="px-3 py-1.5 border-b border-line min-h-9">{toolbar}</div>}
        {imported && (
          <p role="status" className="px-3 py-1 text-xs bg-sky-50 dark:bg-sky-950/40 flex gap-2 items-center">
            {t(messages.importedHar)} ({imported.length})
            <button type="button" className="btn-quiet" onClick={() => setImported(undefined)}>
              {t(messages.backToLive)}
            </button>
          </p>
        )}
        {importError && (
          <p role="alert" className="px-3 py-1 text-xs text-red-700 dark:text-red-300">
            {importError}
          </p>
        )}
        <p className="sr-only">{t(messages.trafficHelp)}</p>
        {shown.length === 0 ? (
          <p className="p-3 text-sm text-muted">{t(messages.noTraffic)}</p>
        ) : (
          <div className="flex-1 min-h-0 grid md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)] md:grid-rows-[minmax(0,1fr)]">
            <ol aria-label={t(messages.traffic)} className="max-h-56 md:max-h-none overflow-auto border-b md:border-b-0 md:border-r border-line text-xs font-mono">
              {shown.map((e) => (
                <li key={e.id}>
                  <button
                    type="button"
                    aria-current={e.id === selected?.id ? "true" : undefined}
                    onClick={() => setSelectedId(e.id)}
                    className={`w-full text-left px-3 py-1 flex gap-2 items-baseline hover:bg-surface-2 ${e.id === selected?.id ? "bg-surface-2" : ""} ${e.id === highlightId ? "ring-2 ring-inset ring-red-500" : ""}`}
                  >
                    <span className="text-muted w-8 shrink-0">#{e.id}</span>
                    {e.id === highlightId && <span className="sr-only">{t(messages.failingExchange)}</span>}
                    <span className={`w-8 shrink-0 ${statusTone(e.response.status)}`}>{e.response.status}</span>
                    <span className="w-10 shrink-0 font-semibold">{e.request.method}</span>
                    <span className="truncate flex-1">{pathOf(e)}</span>
                    <span className="text-muted shrink-0 hidden xl:inline">{t(messages.initiator[e.initiator])}</span>
                  </button>
                </li>
              ))}
            </ol>
            {selected && (
              <div className="overflow-auto p-3 space-y-3 min-h-0" aria-label={`#${selected.id}`} role="region">
                <p className="text-xs text-muted">
                  #{selected.id} · {t(messages.initiator[selected.initiator])} · {formatClockTime(selected.startedAt, locale)} · {formatMs(selected.durationMs, locale)}
                </p>
                <RequestView request={selected.request} />
                <ResponseView response={selected.response} />
              </div>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
