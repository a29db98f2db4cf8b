import { DEFAULT_WORKSPACE, mockBase } from "../workspace/paths.ts";
import type { ZodType } from "zod";
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

/** What a provider's meta.ts spells out; the mock base is derived from the id. */
export interface ProviderMetaInput {
  id: string;
  name: Localized;
  summary: Localized;
  /** Seed file the contract comes from, e.g. "001_8e80b63750555761.txt". */
  sourceDocument: string;
  /** The document's own title, as it is written (its first heading). */
  documentTitle?: string;
  /** Whose document it is and what kind, for someone who has not seen it. */
  documentOrigin?: Localized;
  /** The documented base URL ("" when the document gives none). */
  documentedBase: string;
}

/** The little the home page needs before a provider's flow is loaded. */
export interface ProviderMeta extends ProviderMetaInput {
  /** Where the default workspace's mock serves it, e.g. "/mock/spring": always derived from the id. */
  mockBase: string;
}

export const defineMeta = (meta: ProviderMetaInput): ProviderMeta => ({ ...meta, mockBase: mockBase(DEFAULT_WORKSPACE, meta.id) });

/** What crosses the wire from a provider, as zod schemas (browser-safe): parsed, never cast. */
export interface ProviderSchemas {
  /** The provider's slice of GET /mock/_control/fixtures; the mock's fixtures() satisfies it. */
  fixtures: ZodType;
  /** Every envelope the provider's errors come in (most have one). */
  errors: ZodType[];
}

/** What is secret in a provider's traffic, as data: exports redact it (the core knows no provider's names). */
export interface ProviderSecrets {
  /** Query, form, JSON and cookie names whose values are credentials: client secrets, passwords, codes, tokens, tickets, user ids. */
  fields: string[];
  /** Of those, the ones a server accepts once (an authorization code, in the request whose other fields say so): replaying it fails by design. */
  singleUse?: Array<{ field: string; when?: Record<string, string> }>;
}

/** A value the document prints as an example or a placeholder: always wrong against a real server. */
export interface DocumentExample {
  value: string;
  /** The parameters it is wrong in (any parameter when absent: `state=xxxx` is fine, `client_id=xxxx` is not). */
  fields?: string[];
  /** placeholder: the document's "put yours here" (xxxx, APIKEY); sample: a value the document's own server once issued (W636oE). */
  kind: "placeholder" | "sample";
  /** The document's line it appears in, verbatim. */
  source: string;
}

/**
 * An answer the document prints, as data: a real server's answers (live targets) are checked
 * against it. Which request it answers is told by method, documented path and the parameters
 * that set it apart (grant_type).
 */
export interface DocumentedAnswer {
  request: { method: string; path: string; when?: Record<string, string> };
  /** The status the document gives or implies (200 where it shows a body and no status). */
  status: number;
  /** JSON, or JSONP: the callback's argument is the answer. */
  format: "json" | "jsonp";
  /** The document's example body, as it prints it. */
  example: Record<string, unknown>;
  /** Fields whose value the document fixes (token_type, expires_in); the others are checked by presence and type. */
  fixed?: string[];
  /** The document's line the example comes from, verbatim. */
  source: string;
}

/** A provider's documented contract, shared by its mock and its flow. */
export interface ProviderContract extends ProviderMeta {
  /** Documented paths under the base. */
  paths: Record<string, string>;
  schemas: ProviderSchemas;
  quirks: Quirk[];
  errors: ErrorExplanation[];
  /** Optional so that a provider under construction type-checks; every registered one declares it (a test checks). */
  secrets?: ProviderSecrets;
  /** The document's example and placeholder values, which the diagnoser flags wherever they are sent. */
  examples?: DocumentExample[];
  /** The document's example answers per endpoint; every registered provider declares them (a test checks). */
  answers?: DocumentedAnswer[];
}
