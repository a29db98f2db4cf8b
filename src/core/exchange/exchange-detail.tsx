import { memo } from "react";
import { formatClockTime, formatMs } from "../i18n/format.ts";
import { messages } from "../i18n/messages.ts";
import { useLocale } from "../prefs/store.ts";
import { useT } from "../i18n/use-t.ts";
import { lm } from "../live/messages.ts";
import type { Exchange } from "./exchange.ts";
import { RequestView, ResponseView } from "./exchange-view.tsx";

/** The selected exchange in full: who made it, when, and the raw request and response. */
export const ExchangeDetail = memo(function ExchangeDetail({ exchange: e }: { exchange: Exchange }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="overflow-auto p-3 space-y-3 min-h-0" aria-label={`#${e.id}`} role="region">
      <p className="text-xs text-muted">
        #{e.id} · {t(messages.initiator[e.initiator])} · {formatClockTime(e.startedAt, locale)} · {formatMs(e.durationMs, locale)}
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
