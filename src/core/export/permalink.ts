import { z } from "zod";
import { redactText, Secrets } from "../exchange/redact.ts";
import { DEFAULT_WORKSPACE, flowPath, type WorkspaceId } from "../workspace/paths.ts";
import type { FlowRecord } from "../wizard/store.ts";
import type { Flow } from "../wizard/types.ts";
import { flowSecretFields, isSecretKey, recordSecrets } from "./secret-fields.ts";

/** The query parameter a permalink carries its payload in. */
export const PERMALINK_PARAM = "share";

/** A payload beyond these is refused: a link is for a handful of edited parameters. */
export const PERMALINK_LIMITS = { chars: 8 * 1024, steps: 64, paramsPerStep: 64, valueChars: 2048 };

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const key = z.string().min(1).max(128).refine((k) => !FORBIDDEN_KEYS.has(k), "reserved name");
const capped = <T extends z.ZodType>(schema: T, max: number) => schema.refine((o) => Object.keys(o as object).length <= max, "too many entries");
const valuesSchema = capped(z.record(key, z.string().max(PERMALINK_LIMITS.valueChars)), PERMALINK_LIMITS.paramsPerStep);
const sharedSchema = z.strictObject({
  edits: capped(z.record(key, valuesSchema), PERMALINK_LIMITS.steps).default({}),
  options: capped(z.record(key, valuesSchema), PERMALINK_LIMITS.steps).default({}),
});

export type Shared = z.infer<typeof sharedSchema>;

const toBase64Url = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const fromBase64Url = (b64: string) => new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(atob(b64.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0)));

/**
 * A link that restores the flow's edited parameters and options — never a secret: not a
 * field the contract or the flow calls secret (a js_ticket in previous_ticket included),
 * nor any value that holds a secret the flow or its traffic carries.
 */
export function permalink(origin: string, flow: Flow, stepId: string, record: FlowRecord, options: { workspace?: WorkspaceId; secrets?: Secrets } = {}): string {
  const fields = flowSecretFields(flow);
  const secrets = (options.secrets ?? Secrets.none).with(recordSecrets(record, fields).values);
  const keeps = (name: string, value: string) => !isSecretKey(name, fields) && !secrets.values.has(value) && redactText(value, secrets) === value;
  const edits: Shared["edits"] = {};
  for (const [step, values] of Object.entries(record.edits)) {
    const kept = Object.fromEntries(Object.entries(values).filter(([name, value]) => keeps(name, value)));
    if (Object.keys(kept).length) edits[step] = kept;
  }
  const shared: Shared = { edits, options: record.options };
  return `${origin}${flowPath(options.workspace ?? DEFAULT_WORKSPACE, flow.contract.id, stepId)}?${PERMALINK_PARAM}=${toBase64Url(JSON.stringify(shared))}`;
}

/** Reads a permalink's payload (the value of its PERMALINK_PARAM); undefined when empty, damaged or over the limits. */
export function readPermalink(raw: string): Shared | undefined {
  if (!raw || raw.length > PERMALINK_LIMITS.chars) return undefined;
  try {
    const parsed = sharedSchema.safeParse(JSON.parse(fromBase64Url(raw)));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
