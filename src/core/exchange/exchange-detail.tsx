import { memo } from "react";
import { formatClockTime, formatMs } from "../i18n/format.ts";
import { pm } from "../i18n/page-messages.ts";
import { xm } from "./messages.ts";
import { useLocale } from "../prefs/store.ts";
import { useT } from "../i18n/use-t.ts";
import { lm } from "../live/messages.ts";
import type { Exchange } from "./exchange.ts";
import { RequestView, ResponseView } from "./exchange-view.tsx";

/** The selected exchange in full: who made it, when, and the raw request and response. */
export const ExchangeDetail = memo(function ExchangeDetail({ exchange: e }: { exchange: Exchange }) {
  const t = useT();
  const locale = useLocale();
  // The mock answered on the workspace's virtual clock: when it was moved, that time is the one expiries count from.
  const virtualMs = e.virtualTime * 1000;
  const moved = Math.abs(virtualMs - e.startedAt) > 2000;
  return (
    <div className="overflow-auto p-3 space-y-3 min-h-0" aria-label={`#${e.id}`} role="region">
      <p className="text-xs text-muted">
        #{e.id} · {t(pm.initiator[e.initiator])} · {formatClockTime(e.startedAt, locale)}
        {moved && ` (${t(xm.virtualClockAt(formatClockTime(virtualMs, locale)))})`} · {formatMs(e.durationMs, locale)}
      </p>
      {e.live && (
        <p className="text-xs">
          <span className="chip chip-info mr-1">{t(lm.live)}</span>
          {t(lm.liveHelp)} <span className="font-mono wrap-anywhere">{new URL(e.request.url).origin}</span>
        </p>
      )}
      <RequestView request={e.request} />
      <ResponseView response={e.response} />
    </div>
  );
});
