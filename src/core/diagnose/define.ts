import type { Localized } from "../i18n/localized.ts";
import type { ProviderContract } from "../provider/contract.ts";
import type { ProviderEndpoints } from "./types.ts";

/** A provider's diagnosable endpoints: identity, bases and error explanations come from its contract. */
export function defineEndpoints(contract: ProviderContract, rest: Omit<ProviderEndpoints, "id" | "name" | "documentedBase" | "mockBase" | "errors" | "schemas" | "examples">): ProviderEndpoints {
  const { id, name, documentedBase, mockBase, errors, schemas } = contract;
  return { id, name, documentedBase, mockBase, errors, schemas, examples: contract.examples ?? [], ...rest };
}

/** A quirk's explanation, reused as a finding's note (no prose duplicated). */
export function quirkNote(contract: ProviderContract, id: string): Localized | undefined {
  return contract.quirks.find((q) => q.id === id)?.detail;
}
