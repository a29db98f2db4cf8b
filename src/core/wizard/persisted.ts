import { z } from "zod";
import type { PersistStorage } from "zustand/middleware";
import { DEFAULT_WORKSPACE } from "../workspace/paths.ts";
import type { FlowRecord, PendingRedirect, WizardFlows } from "./store.ts";

/**
 * How the wizard's store is kept in the browser. Two halves under one name: localStorage keeps what
 * may outlive the tab (values that are not secret, edits that are not secret, options, the pending
 * redirect); this tab's sessionStorage keeps the secrets and the results (whose raw exchanges carry
 * them), so a reload and the redirect round-trip lose nothing while no secret ever reaches the disk.
 * Both are parsed with a schema when read: damaged or foreign data starts a fresh store, with a warning.
 */
export const WIZARD_STORAGE_VERSION = 2;

const text = z.string();
const params = z.record(text, text);
const perStep = z.record(text, params);
const values = z.record(text, z.unknown());
const localized = z.object({ en: text, zh: text });
const header = z.tuple([text, text]);
const rawRequest = z.object({ method: text, url: text, headers: z.array(header), body: text, bodyTruncated: z.boolean().optional() });
const rawResponse = z.object({ status: z.number(), statusText: text, headers: z.array(header), body: text, bodyTruncated: z.boolean().optional() });
const fact = z.object({
  label: z.union([localized, text]),
  value: z.union([localized, text]),
  note: localized.optional(),
  unixTime: z.boolean().optional(),
  expiresAt: z.union([z.number(), z.literal("never")]).optional(),
  secret: z.boolean().optional(),
});
const stepResult = z.object({
  outcome: z.object({ status: z.enum(["success", "error", "warning"]), summary: localized, facts: z.array(fact).optional(), quirks: z.array(text).optional() }),
  request: rawRequest.optional(),
  response: rawResponse.optional(),
  earlier: z.array(z.object({ request: rawRequest, response: rawResponse })).optional(),
  at: z.number(),
  live: z.object({ base: text, differences: z.array(z.object({ field: text.optional(), text: localized })).optional() }).optional(),
});
const pending = z.object({ workspace: text, providerId: text, stepId: text, startedAt: z.number(), state: text.optional() });

/** localStorage: flows[workspace][provider] without secrets or results. */
const keptSchema = z.object({
  flows: z.record(text, z.record(text, z.object({ values, edits: perStep, options: perStep }))),
  pending: pending.optional(),
});
/** sessionStorage: the same flows' secrets and results. */
const tabSchema = z.object({
  flows: z.record(text, z.record(text, z.object({ secrets: values, secretEdits: perStep, results: z.record(text, stepResult) }))),
});
type Kept = z.infer<typeof keptSchema>;
type Tab = z.infer<typeof tabSchema>;

/** What the store hands to its storage, and what the storage hands back (unparsed until `restore`). */
const halvesSchema = z.object({ kept: z.unknown(), tab: z.unknown() }).partial();
export type StoredHalves = z.infer<typeof halvesSchema>;
const halvesOf = (stored: unknown): StoredHalves => halvesSchema.safeParse(stored).data ?? {};

/** Version 1 (one world, everything in localStorage): `{ flows: { [provider]: FlowRecord }, pending }`. */
const v1Schema = z.object({
  flows: z.record(text, z.object({ values: params, edits: perStep, options: perStep, results: z.record(text, z.unknown()) })),
  pending: z.object({ providerId: text, stepId: text, startedAt: z.number() }).optional(),
});

const mapFlows = <A, B>(flows: Record<string, Record<string, A>>, f: (a: A) => B): Record<string, Record<string, B>> =>
  Object.fromEntries(Object.entries(flows).map(([ws, byProvider]) => [ws, Object.fromEntries(Object.entries(byProvider).map(([p, a]) => [p, f(a)]))]));

export const emptyFlow = (): FlowRecord => ({ values: {}, secrets: {}, edits: {}, secretEdits: {}, options: {}, results: {} });

/** The store's state in its two halves, ready to write. */
export function split(flows: WizardFlows, pendingRedirect: PendingRedirect | undefined): { kept: Kept; tab: Tab } {
  return {
    kept: { flows: mapFlows(flows, (f) => ({ values: f.values, edits: f.edits, options: f.options })), ...(pendingRedirect ? { pending: pendingRedirect } : {}) },
    tab: { flows: mapFlows(flows, (f) => ({ secrets: f.secrets, secretEdits: f.secretEdits, results: f.results })) },
  };
}

function join(kept: Kept, tab: Tab): WizardFlows {
  const flows: WizardFlows = {};
  const at = (ws: string, p: string) => ((flows[ws] ??= {})[p] ??= emptyFlow());
  for (const [ws, byProvider] of Object.entries(kept.flows)) for (const [p, f] of Object.entries(byProvider)) Object.assign(at(ws, p), f);
  for (const [ws, byProvider] of Object.entries(tab.flows)) for (const [p, f] of Object.entries(byProvider)) Object.assign(at(ws, p), f);
  return flows;
}

/**
 * From version 1: its flows become the default workspace's. Nothing in v1 says which values were
 * secrets, so every value and edit moves to this tab's half; only the options stay in localStorage.
 */
export function migrate(stored: unknown, version: number): StoredHalves {
  const v1 = version === 1 ? v1Schema.safeParse(halvesOf(stored).kept) : undefined;
  if (!v1?.success) {
    console.warn(`[wizard] stored state of version ${version} cannot be read; starting fresh`);
    return {};
  }
  const { flows, pending: was } = v1.data;
  const kept: Kept = { flows: { [DEFAULT_WORKSPACE]: {} } };
  const tab: Tab = { flows: { [DEFAULT_WORKSPACE]: {} } };
  for (const [p, f] of Object.entries(flows)) {
    kept.flows[DEFAULT_WORKSPACE]![p] = { values: {}, edits: {}, options: f.options };
    const results = Object.fromEntries(Object.entries(f.results).flatMap(([step, r]) => {
      const parsed = stepResult.safeParse(r);
      return parsed.success ? [[step, parsed.data]] : [];
    }));
    tab.flows[DEFAULT_WORKSPACE]![p] = { secrets: f.values, secretEdits: f.edits, results };
  }
  // v1 checked the callback against the `state` value the navigate step saved.
  if (was) kept.pending = { workspace: DEFAULT_WORKSPACE, ...was, state: flows[was.providerId]?.values.state };
  return { kept, tab };
}

/** Parses what the storage gave back; a half that doesn't parse is replaced by an empty one, with a warning. */
export function restore(stored: unknown): { flows: WizardFlows; pending: PendingRedirect | undefined } {
  const halves = halvesOf(stored);
  const half = <T>(schema: z.ZodType<T>, raw: unknown, where: string, empty: T): T => {
    if (raw === undefined) return empty;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    console.warn(`[wizard] the ${where} copy of the wizard's state is damaged or foreign; starting it fresh`, parsed.error.issues.slice(0, 3));
    return empty;
  };
  const kept = half(keptSchema, halves.kept, "localStorage", { flows: {} });
  const tab = half(tabSchema, halves.tab, "sessionStorage", { flows: {} });
  return { flows: join(kept, tab), pending: kept.pending };
}

const storedSchema = z.object({ version: z.unknown(), state: z.unknown() }).partial();

/** A storage that cannot be read (disabled, or holding something foreign) counts as empty, with a warning. */
function readJson(storage: () => Storage, name: string, where: string): z.infer<typeof storedSchema> | undefined {
  let raw: string | null;
  try {
    raw = storage().getItem(name);
  } catch (error) {
    console.warn(`[wizard] ${where} cannot be read`, error);
    return undefined;
  }
  if (raw === null) return undefined;
  try {
    const parsed = storedSchema.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data;
  } catch {
    // Reported below, like any other shape that isn't ours.
  }
  console.warn(`[wizard] ${where} holds something that is not the wizard's state under ${name}; ignoring it`);
  return undefined;
}

/** A full or disabled storage loses this write, not the page: the state stays in memory. */
function write(storage: () => Storage, name: string, value: unknown, where: string) {
  try {
    storage().setItem(name, JSON.stringify(value));
  } catch (error) {
    console.warn(`[wizard] could not write the wizard's state to ${where}`, error);
  }
}

/** One zustand storage over two: the kept half in `local`, the tab's half in `session`. */
export function splitStorage(local: () => Storage, session: () => Storage): PersistStorage<StoredHalves> {
  return {
    getItem: (name) => {
      const kept = readJson(local, name, "localStorage");
      const tab = readJson(session, name, "sessionStorage");
      if (!kept && !tab) return null;
      const version = typeof kept?.version === "number" ? kept.version : WIZARD_STORAGE_VERSION;
      return { version, state: { kept: kept?.state, tab: tab?.version === version ? tab.state : undefined } };
    },
    setItem: (name, { state, version }) => {
      write(local, name, { version, state: state.kept }, "localStorage");
      write(session, name, { version, state: state.tab }, "sessionStorage");
    },
    removeItem: (name) => {
      for (const storage of [local, session]) {
        try {
          storage().removeItem(name);
        } catch {
          // Nothing to remove from a storage that cannot be used.
        }
      }
    },
  };
}
