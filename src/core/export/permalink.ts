import { SECRET_NAMES } from "../exchange/redact.ts";
import type { FlowRecord } from "../wizard/store.ts";
import type { Flow } from "../wizard/types.ts";

/** The query parameter a permalink carries its payload in. */
export const PERMALINK_PARAM = "share";

interface Shared {
  edits: FlowRecord["edits"];
  options: FlowRecord["options"];
}

const toBase64Url = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const fromBase64Url = (b64: string) => new TextDecoder().decode(Uint8Array.from(atob(b64.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0)));

/** A link that restores the flow's edited parameters and options — never its secrets. */
export function permalink(origin: string, flow: Flow, stepId: string, record: FlowRecord): string {
  const secret = (stepIdOf: string, name: string) =>
    SECRET_NAMES.test(name) || flow.steps.find((s) => s.id === stepIdOf)?.params?.find((p) => p.name === name)?.secret === true;
  const edits: Shared["edits"] = {};
  for (const [step, values] of Object.entries(record.edits)) {
    const kept = Object.fromEntries(Object.entries(values).filter(([name]) => !secret(step, name)));
    if (Object.keys(kept).length) edits[step] = kept;
  }
  const shared: Shared = { edits, options: record.options };
  return `${origin}/${flow.contract.id}/${stepId}?${PERMALINK_PARAM}=${toBase64Url(JSON.stringify(shared))}`;
}

/** Reads a permalink's payload (the value of its PERMALINK_PARAM); undefined when empty or damaged. */
export function readPermalink(raw: string): Shared | undefined {
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(fromBase64Url(raw)) as Partial<Shared>;
    const isMap = (v: unknown): v is Record<string, Record<string, string>> =>
      !!v && typeof v === "object" && Object.values(v).every((inner) => !!inner && typeof inner === "object" && Object.values(inner).every((x) => typeof x === "string"));
    if (!isMap(parsed.edits ?? {}) || !isMap(parsed.options ?? {})) return undefined;
    return { edits: parsed.edits ?? {}, options: parsed.options ?? {} };
  } catch {
    return undefined;
  }
}
