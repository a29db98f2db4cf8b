import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { clockQuery } from "../api/control.ts";
import { useWorkspace } from "../workspace/use-workspace.ts";
import type { Exchange } from "../exchange/exchange.ts";
import { RedactToggle } from "../exchange/redact-toggle.tsx";
import { collectSecrets } from "../exchange/redact.ts";
import { pm } from "../i18n/page-messages.ts";
import { useT } from "../i18n/use-t.ts";
import { useRedactOn } from "../prefs/redaction.ts";
import { useLocale } from "../prefs/store.ts";
import { CopyButton } from "../ui/copy-button.tsx";
import type { FlowRecord } from "../wizard/store.ts";
import type { Flow } from "../wizard/types.ts";
import { download, stamp } from "./download.ts";
import { exportHar } from "./har-export.ts";
import { permalink } from "./permalink.ts";
import { flowSecretFields, recordSecrets } from "./secret-fields.ts";
import { supportBundle } from "./support-bundle.ts";

/** Evidence for a ticket: HAR, a Markdown support bundle, a permalink — redacted by default, like the screen (one choice for both). */
export function ExportBar({ flow, record, stepId, exchanges }: { flow: Flow; record: FlowRecord; stepId: string; exchanges: Exchange[] }) {
  const t = useT();
  const locale = useLocale();
  const workspace = useWorkspace();
  const { data: clock } = useQuery(clockQuery(workspace));
  const redact = useRedactOn();
  const id = flow.contract.id;
  const fields = useMemo(() => flowSecretFields(flow), [flow]);
  // The link shows on every render: it checks against what the flow holds; the traffic's secrets are collected on export.
  const link = permalink(window.location.origin, flow, stepId, record, { workspace });
  const secrets = () => collectSecrets(exchanges, fields, recordSecrets(record, fields));
  return (
    <div role="group" aria-label={t(pm.exportEvidence)} className="flex flex-wrap items-center gap-2 text-xs">
      <RedactToggle />
      <button type="button" className="btn-quiet" onClick={() => download(`oauth-playground-${id}-${stamp()}.har`, exportHar(exchanges, redact ? { secrets: secrets(), fields } : undefined), "application/json")}>
        {t(pm.exportHar)}
      </button>
      <button
        type="button"
        className="btn-quiet"
        onClick={() => download(`oauth-playground-${id}-${stamp()}.md`, supportBundle({ flow, record, exchanges, locale, clock, permalink: link, redact }), "text/markdown")}
      >
        {t(pm.supportBundle)}
      </button>
      <CopyButton text={link} label={pm.copyPermalink} />
    </div>
  );
}
