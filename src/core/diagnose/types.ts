import type { Header } from "../exchange/exchange.ts";
import type { Localized } from "../i18n/localized.ts";
import type { DocumentExample, ErrorExplanation, ProviderSchemas } from "../provider/contract.ts";

/** JSON value types the documents give for fields. */
export type FieldType = "string" | "number";

/** One documented request parameter. */
export interface ParamSpec {
  name: string;
  required?: boolean;
  /** The only values the document allows (grant_type, response_type…). */
  values?: string[];
  /** The JSON type the document gives, checked when the body is JSON. */
  type?: FieldType;
  /** Checked against the registered clients (GET /mock/_control/fixtures). */
  checks?: "client_id" | "client_secret" | "redirect_uri";
}

/** Where parameters may travel. */
export type Encoding = "query" | "form" | "json";

/** One documented endpoint, as data for the diagnoser. */
export interface EndpointSpec {
  id: string;
  title: Localized;
  method: "GET" | "POST";
  /** Documented path under the base; `{name}` is a path parameter, checked against client fixture fields of that name. */
  path: string;
  /** navigation: the browser goes there; jsonp: a script tag; fetch: a server-side HTTP call. */
  transport: "navigation" | "jsonp" | "fetch";
  encodings: Encoding[];
  params: ParamSpec[];
  /** This variant applies when these parameters have these values (e.g. grant_type=refresh_token). */
  when?: Record<string, string>;
  /** Headers the document requires, with their value. */
  headers?: { name: string; value: string }[];
  /** Authorization header: the scheme the provider wants; Basic carries client id:secret. */
  auth?: { scheme: string; required: boolean };
  /** The document's own heading for it, verbatim (Spring numbers its steps: "7 获取 token 调用 /oauth/token 接口（POST）"). */
  docSection?: string;
  /** The flow steps that send it; the wizard's number comes from the flow's step list. */
  flowSteps?: string[];
}

/** A documented response body: its fields and their JSON types (dotted names reach into objects). */
export interface ResponseSpec {
  id: string;
  title: Localized;
  fields: Record<string, { type: FieldType | "any"; note?: Localized }>;
  /** Delivered as callback(json). */
  jsonp?: boolean;
  /** An error envelope: explained with the contract's errors… */
  error?: boolean;
  /** …unless these fields say success (e.g. error_code "0", status "2000"). */
  ok?: Record<string, string>;
}

/** What a provider tells the diagnoser: data only. */
export interface ProviderEndpoints {
  id: string;
  name: Localized;
  documentedBase: string;
  mockBase: string;
  /** Other hosts the document's examples use (e.g. a1.easemob.com). */
  hosts?: string[];
  /** Field names of a client in the fixtures. */
  clientFields: { id: string; secret: string };
  endpoints: EndpointSpec[];
  responses: ResponseSpec[];
  /** Parameters the provider appends to the redirect_uri. */
  callbackParams?: ParamSpec[];
  errors: ErrorExplanation[];
  /** The contract's schemas: fixtures are parsed with them, replayed answers judged by the error envelopes. */
  schemas: ProviderSchemas;
  /** The document's example and placeholder values (from the contract). */
  examples: DocumentExample[];
}

/** Pasted evidence, normalized. */
export interface Evidence {
  kind: "url" | "curl" | "http-request" | "http-response" | "body";
  /** Undefined for a bare URL (how it was sent is unknown). */
  method?: string;
  url?: { raw: string; origin: string; host: string; path: string; query: [string, string][]; fragment: [string, string][] };
  headers: Header[];
  body?: string;
  /** Form or JSON body parameters, JSON values kept as sent. */
  bodyParams?: [string, unknown][];
  /** How the body is encoded, judged from Content-Type (curl -d implies a form). */
  bodyEncoding?: "form" | "json" | "other";
  /** The body looks like JSON, whatever the Content-Type says. */
  bodyLooksJson?: boolean;
  json?: unknown;
  jsonpCallback?: string;
  status?: number;
  basicAuth?: { user: string; password: string };
  /** Things the parser noticed (ignored curl options…). */
  notes: string[];
}

export type DiffOp = { op: "same" | "extra" | "missing"; text: string };

export interface Finding {
  severity: "error" | "warning" | "info";
  message: Localized;
  fix?: Localized;
  /** The document's line it relates to. */
  source?: string;
  diff?: { expected: string; actual: string; ops: DiffOp[] };
}

export interface ReplayPlan {
  /** navigate: open it in the browser; fetch: send it. */
  mode: "navigate" | "fetch";
  method: string;
  /** Same-origin mock URL (path + query). */
  url: string;
  headers: Header[];
  body: string;
}

export interface Diagnosis {
  evidence: Evidence;
  provider?: ProviderEndpoints;
  endpoint?: EndpointSpec;
  response?: ResponseSpec;
  step: "request" | "callback" | "response" | "unknown";
  findings: Finding[];
  replay?: ReplayPlan;
}
