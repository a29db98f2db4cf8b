import type { Localized } from "../i18n/localized.ts";
import type { FlowRecord } from "../wizard/store.ts";
import type { Flow } from "../wizard/types.ts";
import { lm } from "./messages.ts";

/**
 * A flow's differences from the document, as a short conformance report (Markdown lines): every
 * step run against a real server, with what its answers did differently. Empty when none was.
 */
export function conformanceReport(flow: Flow, record: FlowRecord, t: (text: Localized) => string, clean: (text: string) => string = (s) => s): string[] {
  const live = flow.steps.flatMap((step, i) => {
    const run = record.results[step.id]?.live;
    return run ? [{ step, i, run }] : [];
  });
  if (live.length === 0) return [];
  const bases = [...new Set(live.map((l) => l.run.base))];
  const lines = [`## ${t(lm.conformance)}`, "", t(lm.conformanceAgainst(bases.join(", "))), ""];
  for (const { step, i, run } of live) {
    const found = run.differences;
    const verdict = found === undefined ? t(lm.notInDocument) : found.length === 0 ? t(lm.noDifferences) : t(lm.differencesCount(found.length));
    lines.push(`- ${i + 1}. ${t(step.title)}: ${verdict}`);
    for (const d of found ?? []) lines.push(`  - ${clean(t(d.text))}`);
  }
  lines.push("", t(lm.conformanceNote), "");
  return lines;
}
