import type { Header, RawRequest, RawResponse } from "../exchange/exchange.ts";
import type { Localized } from "../i18n/localized.ts";
import type { ProviderContract } from "../provider/contract.ts";
import type { Scenario } from "../scenario/types.ts";

/** Named values a flow carries from step to step: credentials, state, code, tokens. */
export type Values = Record<string, string>;

/** Everything a step's builders may read. */
export interface StepContext {
  /** Values gathered so far (setup, callback, earlier responses). */
  values: Values;
  /** This step's parameters as currently edited (defaults filled in). */
  params: Values;
  /** This step's option choices. */
  options: Record<string, string>;
  /** The provider's slice of GET /mock/_control/fixtures. */
  fixtures: unknown;
  /** The SPA's origin, e.g. http://localhost:4173. */
  origin: string;
  /** The SPA's own callback URL. */
  callbackUrl: string;
  /** The mocks' virtual clock (Unix seconds) when the context was built, if known. */
  now?: number | undefined;
}

/** One request the engine sent and what came back. */
export interface SentExchange {
  request: RawRequest;
  response: RawResponse;
  json: unknown;
}

export interface ParamSpec {
  /** The name on the wire. */
  name: string;
  /** The document's explanation of the parameter. */
  explain: Localized;
  required?: boolean;
  secret?: boolean;
  /** Where it goes; informational, shown next to the field. */
  in?: "query" | "body" | "header" | "path";
  /** Initial value, derived from what the flow knows (and this step's option choices, so a choice can switch defaults). */
  initial?: (ctx: Omit<StepContext, "params">) => string | undefined;
  /** A warning shown before sending (the request is still allowed, so errors can be reproduced). */
  check?: (value: string, ctx: StepContext) => Localized | undefined;
  choices?: string[];
}

export interface StepOption {
  id: string;
  label: Localized;
  choices: Array<{ value: string; label: Localized; explain?: Localized }>;
}

/** A request a step will send; the engine previews it exactly as given. */
export interface RequestSpec {
  method: string;
  /** Path and query under the SPA's origin, e.g. /mock/spring/oauth/token?… */
  url: string;
  headers: Header[];
  body?: string;
}

export interface Fact {
  label: Localized | string;
  value: string;
  note?: Localized;
  /** Show the value as a date: it is a Unix timestamp in seconds. */
  unixTime?: boolean;
  /** Expiry in seconds from the response time, shown against the virtual clock. */
  expiresIn?: number;
  secret?: boolean;
}

export interface Outcome {
  status: "success" | "error" | "warning";
  summary: Localized;
  /** Values to merge into the flow (e.g. code, access_token). */
  values?: Values;
  facts?: Fact[];
  /** Quirk ids this outcome demonstrates. */
  quirks?: string[];
}

export interface StepResult {
  outcome: Outcome;
  request?: RawRequest;
  response?: RawResponse;
  /** Exchanges of the same run before the last one (a retried call). */
  earlier?: Array<{ request: RawRequest; response: RawResponse }>;
  /** Real time the step finished (ms). */
  at: number;
  /** Virtual clock (Unix seconds) when it finished: expiries are shown against it. */
  virtualAt?: number;
}

interface StepBase {
  id: string;
  title: Localized;
  /** What the document says about this step. */
  explain: Localized;
  /** The document's own lines for this step, verbatim. */
  doc?: string;
  quirks?: string[];
  /** "simulated": stands for something outside the document; "assumed": not in the document. */
  badges?: Array<"simulated" | "assumed">;
  params?: ParamSpec[];
  options?: StepOption[];
  /** Option defaults. */
  defaults?: Record<string, string>;
}

/** Only edits values (client setup). */
export interface SetupStep extends StepBase {
  kind: "setup";
  /** Values the step contributes, from its params. */
  save: (ctx: StepContext) => Values;
}

/** The browser leaves the SPA for the provider; the callback route brings it back. */
export interface NavigateStep extends StepBase {
  kind: "navigate";
  url: (ctx: StepContext) => string;
  /**
   * For one-click reproductions: do what the user does on the provider's pages with real requests
   * (fetch keeps the session cookie and follows redirects) and return the final callback URL.
   */
  headless?: (url: string, ctx: StepContext) => Promise<string>;
  /** Values to remember before leaving (the state that was sent, the redirect_uri). */
  save: (ctx: StepContext) => Values;
}

/** Receives the redirect callback; the engine checks `state` against what was sent. */
export interface CallbackStep extends StepBase {
  kind: "callback";
  outcome: (query: URLSearchParams, ctx: StepContext) => Outcome;
}

/** A fetch the SPA sends and shows. */
export interface HttpStep extends StepBase {
  kind: "http";
  request: (ctx: StepContext) => RequestSpec;
  /**
   * Optional: several requests in one run (401 → fetch a new token → retry; use a cached token and send nothing).
   * Gets `send` and returns every exchange in order; the outcome is judged on the last. Default: send request(ctx) once.
   */
  sequence?: (ctx: StepContext, send: (spec: RequestSpec) => Promise<SentExchange>) => Promise<SentExchange[]>;
  /** `all` holds every exchange of the run when `sequence` sent more than one (or none). */
  outcome: (response: RawResponse | undefined, json: unknown, ctx: StepContext, all: SentExchange[]) => Outcome;
}

/** A JSONP call made with a <script> element. */
export interface JsonpStep extends StepBase {
  kind: "jsonp";
  /** URL without the callback parameter; the engine adds it (and jQuery's `_`) per the chosen style. */
  url: (ctx: StepContext) => string;
  callbackParam: string;
  outcome: (payload: unknown, ctx: StepContext) => Outcome;
}

export type Step = SetupStep | NavigateStep | CallbackStep | HttpStep | JsonpStep;

export interface Flow {
  contract: ProviderContract;
  steps: Step[];
  /** Ready error scenarios support staff can reproduce in one click. */
  scenarios?: Scenario[];
}
