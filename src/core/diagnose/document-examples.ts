import { fm } from "./messages.ts";
import type { Finding, ProviderEndpoints } from "./types.ts";

/** The document's example or placeholder, if `value` is one where `field` stands (state=xxxx is fine, client_id=xxxx is not). */
export function documentExample(provider: ProviderEndpoints, field: string, value: string) {
  return provider.examples.find((e) => e.value === value && (!e.fields || e.fields.includes(field)));
}

/** A finding for each parameter that still holds the document's example or placeholder value. */
export function exampleFindings(provider: ProviderEndpoints, sent: Iterable<[field: string, value: string]>, fixFor?: (field: string) => Finding["fix"]): Finding[] {
  const findings: Finding[] = [];
  for (const [field, value] of sent) {
    const example = documentExample(provider, field, value);
    if (!example) continue;
    findings.push({
      severity: "error",
      message: example.kind === "placeholder" ? fm.placeholder(field, value) : fm.sampleValue(field, value),
      fix: fixFor?.(field) ?? (example.kind === "placeholder" ? fm.placeholderFix : fm.sampleFix),
      source: example.source,
    });
  }
  return findings;
}
