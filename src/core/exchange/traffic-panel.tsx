import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useState, type ReactNode } from "react";
import { clearTraffic, controlKeys } from "../api/control.ts";
import { useWorkspace } from "../workspace/use-workspace.ts";
import { messages } from "../i18n/messages.ts";
import { pm } from "../i18n/page-messages.ts";
import { useT } from "../i18n/use-t.ts";
import { usePrefsActions, useTrafficCollapsed } from "../prefs/store.ts";
import type { Exchange } from "./exchange.ts";
import { ExchangeDetail } from "./exchange-detail.tsx";
import { HarImportError, readHarFile } from "./har-import.ts";
import { useScreenRedaction } from "./redaction-context.tsx";
import { TrafficRows } from "./traffic-rows.tsx";
import { useTraffic } from "./use-traffic.ts";

/** Every hop the mock saw, live: the list, and the selected exchange in full. */
export function TrafficPanel({
  provider,
  providerName,
  failed,
  highlightId,
  toolbar,
}: {
  provider?: string;
  providerName?: string;
  failed?: (e: Exchange) => boolean;
  highlightId?: number | undefined; toolbar?: ReactNode }) {
  const t = useT();
  const queryClient = useQueryClient();
  const workspace = useWorkspace();
  const { data: live = [] } = useTraffic(workspace);
  const [imported, setImported] = useState<Exchange[] | undefined>();
  const [importError, setImportError] = useState<string | undefined>();
  const data = imported ?? live;
  const [onlyThis, setOnlyThis] = useState(true);
  const [selectedId, setSelectedId] = useState<number | undefined>();
  const collapsed = useTrafficCollapsed();
  const { trafficToggled } = usePrefsActions();
  const clear = useMutation({
    mutationFn: () => clearTraffic(workspace),
    onSuccess: () => queryClient.setQueryData(controlKeys.traffic(workspace), []),
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
  const redaction = useScreenRedaction();
  const shown = useMemo(() => {
    const ofProvider = provider && onlyThis && !imported ? data.filter((e) => e.provider === provider) : data;
    // While redaction is on, a provider whose secret fields are not known yet is not shown (its flow is loading).
    const loading = redaction?.loading;
    return (loading?.size ? ofProvider.filter((e) => !loading.has(e.provider)) : ofProvider).slice().reverse();
  }, [data, provider, onlyThis, imported, redaction?.loading]);
  const selected = shown.find((e) => e.id === selectedId) ?? shown.find((e) => e.id === highlightId) ?? shown[0];
  const select = useCallback((id: number) => setSelectedId(id), []);

  return (
    <section aria-labelledby="traffic-heading" className="flex flex-col min-h-0 h-full">
      <div className="flex items-center justify-between gap-2 px-3 py-2 border-b border-line">
        <h2 id="traffic-heading" className="font-semibold text-sm">
          {t(pm.traffic)}
          <span className="text-muted font-normal">{t(messages.paren(String(shown.length)))}</span>
        </h2>
        <div className="flex items-center gap-2">
          {provider && (
            <label className="text-xs flex items-center gap-1" title={providerName}>
              <input type="checkbox" checked={onlyThis} onChange={(e) => setOnlyThis(e.target.checked)} />
              {t(pm.onlyProvider)}
            </label>
          )}
          <label className="btn-quiet text-xs cursor-pointer">
            {t(pm.importHar)}
            <input type="file" accept=".har,application/json" className="sr-only" aria-label={t(pm.importHar)} onChange={(e) => void importHar(e.target.files?.[0])} />
          </label>
          <button type="button" className="btn-quiet text-xs" onClick={() => clear.mutate()}>
            {t(pm.clearTraffic)}
          </button>
          <button type="button" className="btn-quiet text-xs" aria-expanded={!collapsed} aria-controls="traffic-body" onClick={trafficToggled}>
            {t(collapsed ? pm.showTraffic : pm.hideTraffic)}
          </button>
        </div>
      </div>
      <div id="traffic-body" hidden={collapsed} className="flex-1 min-h-0 flex flex-col">
        {toolbar !== undefined && <div className="px-3 py-1.5 border-b border-line min-h-9">{toolbar}</div>}
        {imported && (
          <p role="status" className="px-3 py-1 text-xs bg-sky-50 dark:bg-sky-950/40 flex gap-2 items-center">
            {t(pm.importedHar)}
            {t(messages.paren(String(imported.length)))}
            <button type="button" className="btn-quiet" onClick={() => setImported(undefined)}>
              {t(pm.backToLive)}
            </button>
          </p>
        )}
        {importError && (
          <p role="alert" className="px-3 py-1 text-xs text-red-700 dark:text-red-300">
            {importError}
          </p>
        )}
        <p className="sr-only">{t(pm.trafficHelp)}</p>
        {shown.length === 0 ? (
          <p className="p-3 text-sm text-muted">{t(pm.noTraffic)}</p>
        ) : (
          <div className="flex-1 min-h-0 grid md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)] md:grid-rows-[minmax(0,1fr)]">
            <TrafficRows shown={shown} selectedId={selected?.id} highlightId={highlightId} failed={failed} onSelect={select} />
            {selected && <ExchangeDetail exchange={selected} />}
          </div>
        )}
      </div>
    </section>
  );
}
