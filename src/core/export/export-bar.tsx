import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { clockQuery } from "../api/control.ts";
import { DEFAULT_WORKSPACE } from "../workspace/paths.ts";
import type { Exchange } from "../exchange/exchange.ts";
import { toHar } from "../exchange/har.ts";
import { redactExchanges } from "../exchange/redact.ts";
import { messages } from "../i18n/messages.ts";
import { useT } from "../i18n/use-t.ts";
import { useLocale } from "../prefs/store.ts";
import { CopyButton } from "../ui/copy-button.tsx";
import type { FlowRecord } from "../wizard/store.ts";
import type { Flow } from "../wizard/types.ts";
import { download, stamp } from "./download.ts";
import { permalink } from "./permalink.ts";
import { supportBundle } from "./support-bundle.ts";

/** Evidence for a ticket: HAR, a Markdown support bundle, a permalink — redacted by default. */
export function ExportBar({ flow, record, stepId, exchanges }: { flow: Flow; record: FlowRecord; stepId: string; exchanges: Exchange[] }) {
  const t = useT();
  const locale = useLocale();
  const { data: clock } = useQuery(clockQuery(DEFAULT_WORKSPACE));
  const [redact, setRedact] = useState(true);
  const id = flow.contract.id;
  const link = permalink(window.location.origin, flow, stepId, record);
  return (
    <div role="group" aria-label={t(messages.exportEvidence)} className="flex flex-wrap items-center gap-2 text-xs">
      <label className="flex items-center gap-1">
        <input type="checkbox" checked={redact} onChange={(e) => setRedact(e.target.checked)} />
        {t(messages.redactSecrets)}
      </label>
      <button
        type="button"
        className="btn-quiet"
        onClick={() => download(`oauth-playground-${id}-${stamp()}.har`, JSON.stringify(toHar(redact ? redactExchanges(exchanges) : exchanges), null, 2), "application/json")}
      >
        {t(messages.exportHar)}
      </button>
      <button
        type="button"
        className="btn-quiet"
        onClick={() => download(`oauth-playground-${id}-${stamp()}.md`, supportBundle({ flow, record, exchanges, locale, clock, permalink: link, redact }), "text/markdown")}
      >
        {t(messages.supportBundle)}
      </button>
      <CopyButton text={link} label={messages.copyPermalink} />
    </div>
  );
}
