import { useQueries } from "@tanstack/react-query";
import { useMemo, useState, type ReactNode } from "react";
import type { Exchange } from "../core/exchange/exchange.ts";
import { RedactionContext } from "../core/exchange/redaction-context.tsx";
import { collectSecrets, type SecretFieldNames } from "../core/exchange/redact.ts";
import { secretsCollector, type ScreenRedaction } from "../core/exchange/screen-redaction.ts";
import { flowSecretFields, recordSecrets } from "../core/export/secret-fields.ts";
import { useRedactOn, useRevealed } from "../core/prefs/redaction.ts";
import type { FlowRecord } from "../core/wizard/store.ts";
import { providerEntries } from "./registry.ts";
import { flowQuery } from "./use-flow.ts";

/** Every registered flow's secret field names: the panel may show any provider's traffic. */
function useAllSecretFields(): SecretFieldNames | undefined {
  const flows = useQueries({ queries: providerEntries.map(flowQuery) });
  const loaded = flows.every((f) => f.data) ? flows.map((f) => f.data!) : undefined;
  const key = loaded?.map((f) => f.contract.id).join() ?? "";
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the flows are loaded once and kept (staleTime: Infinity)
  return useMemo(() => loaded && new Set(loaded.flatMap((f) => [...flowSecretFields(f)])), [key]);
}

/** The exchanges a step's result holds (a live target's browser hops are not in the traffic). */
const resultExchanges = (record: FlowRecord): Exchange[] =>
  Object.values(record.results).flatMap((r, i) =>
    [...(r.earlier ?? []), ...(r.request && r.response ? [{ request: r.request, response: r.response }] : [])].map((pair) => ({
      id: -1 - i,
      provider: "",
      initiator: "fetch" as const,
      startedAt: r.at,
      virtualTime: 0,
      durationMs: 0,
      ...pair,
    })),
  );

/**
 * While "Redact secrets" is ticked, what every view below shows: the flow's secrets, the
 * traffic's (collected a batch at a time) and the values the user revealed. Until every
 * flow's field names are known the screen hides nothing it cannot name, so it waits.
 */
export function RedactionScope({ record, traffic, children }: { record: FlowRecord; traffic: readonly Exchange[]; children: ReactNode }) {
  const on = useRedactOn();
  const revealed = useRevealed();
  const fields = useAllSecretFields();
  const [collect] = useState(secretsCollector);
  const base = useMemo(() => fields && collectSecrets(resultExchanges(record), fields, recordSecrets(record, fields)), [record, fields]);
  const secrets = fields && base ? collect(traffic, fields, base) : undefined;
  const redaction = useMemo<ScreenRedaction | undefined>(() => (on && fields && secrets ? { secrets, fields, revealed } : undefined), [on, fields, secrets, revealed]);
  if (on && !redaction) return null;
  return <RedactionContext value={redaction}>{children}</RedactionContext>;
}
