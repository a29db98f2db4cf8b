import { useQueries } from "@tanstack/react-query";
import { useMemo, useState, type ReactNode } from "react";
import type { Exchange } from "../core/exchange/exchange.ts";
import { RedactionContext } from "../core/exchange/redaction-context.tsx";
import { collectSecrets, type SecretFieldNames } from "../core/exchange/redact.ts";
import { Secrets, secretsCollector, type ScreenRedaction } from "../core/exchange/screen-redaction.ts";
import { flowSecretFields, recordSecrets } from "../core/export/secret-fields.ts";
import { useRedactOn, useRevealed } from "../core/prefs/redaction.ts";
import type { FlowRecord } from "../core/wizard/store.ts";
import { providerEntries } from "./registry.ts";
import { flowQuery } from "./use-flow.ts";

/**
 * The secret field names of every registered flow loaded so far (all are asked for: the
 * panel may show any provider's traffic), and the providers still loading.
 */
function useSecretFields(): { fields: SecretFieldNames; loading: ReadonlySet<string> } {
  const flows = useQueries({ queries: providerEntries.map(flowQuery) });
  const loadedIds = flows.flatMap((f) => (f.data ? [f.data.contract.id] : [])).join();
  // A flow is loaded once and kept (staleTime: Infinity): the loaded ids say what changed.
  return useMemo(() => {
    const loaded = flows.flatMap((f) => (f.data ? [f.data] : []));
    const ids = new Set(loaded.map((f) => f.contract.id));
    return { fields: new Set(loaded.flatMap((f) => [...flowSecretFields(f)])), loading: new Set(providerEntries.map((p) => p.meta.id).filter((id) => !ids.has(id))) };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loadedIds]);
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

/** What a scope waits for before it shows anything while redaction is on: one provider's field names, or every flow's. */
export type WaitFor = string | "all";

/**
 * While "Redact secrets" is ticked, what every view below shows: the flow's secrets (on a
 * flow page), the traffic's (collected a batch at a time) and the values the user revealed;
 * views below may add the secrets of what they show themselves (`RedactionWith`: the
 * diagnoser's pasted evidence). `waitFor` holds the children back until those field names
 * are known: the flow page waits for its own flow, the callback page for every flow.
 * Without it the children show at once, and a provider whose flow is still loading has its
 * exchanges held back by the views (see `ScreenRedaction.loading`). `extraFields` are
 * secret on this page only (the callback page's `state`).
 */
export function RedactionScope({
  waitFor,
  record,
  traffic = [],
  extraFields,
  children,
}: {
  waitFor?: WaitFor;
  record?: FlowRecord;
  traffic?: readonly Exchange[];
  extraFields?: SecretFieldNames;
  children: ReactNode;
}) {
  const on = useRedactOn();
  const revealed = useRevealed();
  const { fields: flowFields, loading } = useSecretFields();
  const fields = useMemo(() => (extraFields?.size ? new Set([...flowFields, ...extraFields]) : flowFields), [flowFields, extraFields]);
  const [collect] = useState(secretsCollector);
  const base = useMemo(() => (record ? collectSecrets(resultExchanges(record), fields, recordSecrets(record, fields)) : Secrets.none), [record, fields]);
  const secrets = collect(traffic, fields, base);
  const redaction = useMemo<ScreenRedaction | undefined>(() => (on ? { secrets, fields, revealed, loading } : undefined), [on, fields, secrets, revealed, loading]);
  if (on && (waitFor === "all" ? loading.size > 0 : waitFor !== undefined && loading.has(waitFor))) return null;
  return <RedactionContext value={redaction}>{children}</RedactionContext>;
}
