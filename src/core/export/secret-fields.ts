import { secretFieldNames, Secrets, type SecretFieldNames } from "../exchange/redact.ts";
import type { FlowRecord } from "../wizard/store.ts";
import type { Flow } from "../wizard/types.ts";

/** A flow's secret field names: its contract's, and every parameter it marks `secret: true`. */
export function flowSecretFields(flow: Flow): SecretFieldNames {
  const marked = flow.steps.flatMap((step) => (step.params ?? []).filter((p) => p.secret).map((p) => p.name));
  return secretFieldNames([flow.contract], marked);
}

/** A value the flow keeps under a secret name (`client_secret`, or `user_access_token`, `previous_js_ticket`). */
export const isSecretKey = (key: string, fields: SecretFieldNames) => {
  const lower = key.toLowerCase();
  return fields.has(lower) || [...fields].some((f) => lower.endsWith(`_${f}`));
};

/** What the flow itself holds in secret (its secret values and edits, and whatever it keeps under a secret name): known before any exchange shows it. */
export function recordSecrets(record: FlowRecord, fields: SecretFieldNames): Secrets {
  const texts = (values: Record<string, unknown>, all: boolean) => Object.entries(values).flatMap(([k, v]) => (typeof v === "string" && (all || isSecretKey(k, fields)) ? [v] : []));
  return Secrets.of([
    ...texts(record.secrets, true),
    ...Object.values(record.secretEdits).flatMap((step) => texts(step, true)),
    ...texts(record.values, false),
    ...Object.values(record.edits).flatMap((step) => texts(step, false)),
  ]);
}
