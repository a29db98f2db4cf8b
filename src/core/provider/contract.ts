import type { Localized } from "../i18n/localized.ts";

/** A place where the source document trips people up; the UI points it out, never smooths it over. */
export interface Quirk {
  id: string;
  title: Localized;
  detail: Localized;
  /** The document's own words (verbatim quote) the quirk comes from. */
  source: string;
}

/** What a provider error means: matched against a response, shown wherever the user meets it. */
export interface ErrorExplanation {
  /** Matches when every given field equals (string) or matches (RegExp) the response's. */
  match: { status?: number; fields: Record<string, string | RegExp> };
  cause: Localized;
  fix: Localized;
  /** The line of the source document it relates to, quoted. */
  source?: string;
}

/** The little the home page needs before a provider's flow is loaded. */
export interface ProviderMeta {
  id: string;
  name: Localized;
  summary: Localized;
  /** Seed file the contract comes from, e.g. "001_8e80b63750555761.txt". */
  sourceDocument: string;
  /** The documented base URL ("" when the document gives none). */
  documentedBase: string;
  /** Where the mock serves it, e.g. "/mock/spring". */
  mockBase: string;
}

/** A provider's documented contract, shared by its mock and its flow. */
export interface ProviderContract extends ProviderMeta {
  /** Documented paths under the base. */
  paths: Record<string, string>;
  quirks: Quirk[];
  errors: ErrorExplanation[];
}
