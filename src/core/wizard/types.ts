import type { ZodType } from "zod";
import type { Header, RawRequest, RawResponse } from "../exchange/exchange.ts";
import type { Localized } from "../i18n/localized.ts";
import type { ProviderContract } from "../provider/contract.ts";
import type { Scenario } from "../scenario/types.ts";
import type { Difference } from "../live/differences.ts";
import type { JsonpStyle } from "./jsonp.ts";

/** Values a flow carries from step to step, by default: the flow narrows it with its `values` schema. */
export type FlowValues = Record<string, unknown>;
/** A step's parameters as edited (the wire names and their text). */
export type Params = Record<string, string>;
/** A step's option choices, by option id. */
export type Options = Record<string, string>;

/**
 * Where a run's hops go, as absolute URLs that the documented paths are appended to. The browser's own
 * hops (navigations, login pages, JSONP) go to `browserBase`, the SPA's fetches (token, API calls) to
 * `serverBase`; for the bundled mock both are the workspace's mock base.
 */
export interface Target {
  browserBase: string;
  serverBase: string;
  /** A real server's base (a live target): `serverBase` is then the playground's relay to it. */
  real?: string;
}

/** Everything a step's builders may read. Methods, not function properties: a flow's narrower types still fit `Flow`. */
export interface StepContext<V = FlowValues, F = unknown> {
  /** Values gathered so far (setup, callback, earlier answers), parsed with the flow's schema. */
  values: V;
  /** This step's parameters as currently edited (defaults filled in). */
  params: Params;
  /** This step's option choices (each option's default filled in). */
  options: Options;
  /** The provider's fixtures, parsed with the contract's schema; undefined when they don't parse. */
  fixtures: F | undefined;
  /** Why the fixtures didn't parse, if they didn't: the step refuses to run and says so. */
  fixturesError?: string | undefined;
  target: Target;
  /** The SPA's own callback URL in this workspace. */
  callbackUrl: string;
  /** The mocks' virtual clock (Unix seconds): when the context was built, or when the answer came for an outcome. */
  now?: number | undefined;
}

/** One request the engine sent and what came back. */
export interface SentExchange {
  request: RawRequest;
  response: RawResponse;
  json: unknown;
}

export interface ParamSpec<V = FlowValues, F = unknown> {
  /** The name on the wire. */
  name: string;
  /** The document's explanation of the parameter. */
  explain: Localized;
  required?: boolean;
  /** A secret (a client secret, a password, a token): kept in this tab's sessionStorage only, never in a permalink. */
  secret?: boolean;
  /** Where it goes; informational, shown next to the field. */
  in?: "query" | "body" | "header" | "path";
  /** Initial value, derived from what the flow knows (and this step's option choices, so a choice can switch defaults). */
  initial?(ctx: Omit<StepContext<V, F>, "params">): string | undefined;
  /** A warning shown before sending (the request is still allowed, so errors can be reproduced). */
  check?(value: string, ctx: StepContext<V, F>): Localized | undefined;
  choices?: string[];
}

export interface StepOption {
  id: string;
  label: Localized;
  /** The choice made until the user picks another. */
  default: string;
  choices: Array<{ value: string; label: Localized; explain?: Localized }>;
}

/** A request a step will send: the documented path (and query) under the provider's documented base. */
export interface RequestSpec {
  method: string;
  /** e.g. /oauth/token?grant_type=…; the runner resolves it against the run's server base. */
  path: string;
  headers: Header[];
  body?: string;
}

/** Everything that came back from one run of a step, whatever its kind: one outcome signature for all. */
export interface Answer {
  /** Every exchange the run sent, oldest first (a follow-up adds to the first). */
  exchanges: SentExchange[];
  /** The last exchange's response, and its body parsed as JSON (undefined when it is not JSON). */
  response: RawResponse | undefined;
  json: unknown;
  /** What the JSONP callback was called with. */
  payload: unknown;
  /** The redirect's query string (a callback step's answer). */
  query: URLSearchParams;
}

export interface Fact {
  label: Localized | string;
  /** Localized when the value is words ("2 service users"), not a field's value. */
  value: Localized | string;
  /** Something to watch out for about this value (shown as a warning). */
  note?: Localized;
  /** What the value is, plainly (shown muted, not as a warning). */
  hint?: Localized;
  /** The value is a moment (Unix seconds): shown as a date. */
  unixTime?: boolean;
  /** When what the fact describes expires on the virtual clock (Unix seconds), or never: the view shows the time left, live. */
  expiresAt?: number | "never";
  secret?: boolean;
}

export interface Outcome<V = FlowValues> {
  status: "success" | "error" | "warning";
  summary: Localized;
  /** Values to merge into the flow (e.g. code, access_token). */
  values?: Partial<V>;
  facts?: Fact[];
  /** Quirk ids this outcome demonstrates. */
  quirks?: string[];
}

/** What a step's result shows; the values it gave went into the flow. */
export type ShownOutcome = Omit<Outcome, "values">;

export interface StepResult {
  outcome: ShownOutcome;
  request?: RawRequest;
  response?: RawResponse;
  /** Exchanges of the same run before the last one (a retried call). */
  earlier?: Array<{ request: RawRequest; response: RawResponse }>;
  /** Real time the step finished (ms). */
  at: number;
  /** Run against a real server: its base, and how its answers differ from the document's (absent where the document shows none). */
  live?: LiveRun;
}

export interface LiveRun {
  base: string;
  differences?: Difference[];
}

interface StepBase<V, F> {
  id: string;
  title: Localized;
  /** What the document says about this step. */
  explain: Localized;
  /** The document's own lines for this step, verbatim. */
  doc?: string;
  quirks?: string[];
  /** "simulated": stands for something outside the document; "assumed": not in the document. */
  badges?: Array<"simulated" | "assumed">;
  params?: ParamSpec<V, F>[];
  options?: StepOption[];
  /**
   * How far the explanation asks to move the virtual clock (seconds) to see what comes next: expiry,
   * a grace period's end, a ban's end. The step offers that move beside its run button; undefined, none.
   */
  clockHint?(ctx: StepContext<V, F>): number | undefined;
}

/** Only edits values (client setup). */
export interface SetupStep<V = FlowValues, F = unknown> extends StepBase<V, F> {
  kind: "setup";
  /** Values the step contributes, from its params. */
  save(ctx: StepContext<V, F>): Partial<V>;
}

/** The browser leaves the SPA for the provider; the callback route brings it back. */
export interface NavigateStep<V = FlowValues, F = unknown> extends StepBase<V, F> {
  kind: "navigate";
  /** The documented path and query; the runner resolves it against the browser base. */
  url(ctx: StepContext<V, F>): string;
  /**
   * For one-click reproductions: do what the user does on the provider's pages with real requests
   * (`fetch` keeps the session cookie and follows redirects) and return the final callback URL.
   */
  headless?(url: string, ctx: StepContext<V, F>, fetch: typeof globalThis.fetch): Promise<string>;
  /** Values to remember before leaving (the state that was sent, the redirect_uri). */
  save(ctx: StepContext<V, F>): Partial<V>;
}

/** Receives the redirect callback; the runner checks `state` against the one saved before leaving. */
export interface CallbackStep<V = FlowValues, F = unknown> extends StepBase<V, F> {
  kind: "callback";
  outcome(answer: Answer, ctx: StepContext<V, F>): Outcome<V>;
}

/** A fetch the SPA sends and shows. */
export interface HttpStep<V = FlowValues, F = unknown> extends StepBase<V, F> {
  kind: "http";
  /** The first request of a run: what the preview shows. */
  request(ctx: StepContext<V, F>): RequestSpec;
  /**
   * Optional: what a run sends after the first answer (401 → fetch a new token → retry); returns
   * those further exchanges, in order. The outcome sees them all, and judges on the last.
   */
  followUp?(first: SentExchange, ctx: StepContext<V, F>, send: (spec: RequestSpec) => Promise<SentExchange>): Promise<SentExchange[]>;
  outcome(answer: Answer, ctx: StepContext<V, F>): Outcome<V>;
}

/** A JSONP call made with a <script> element. */
export interface JsonpStep<V = FlowValues, F = unknown> extends StepBase<V, F> {
  kind: "jsonp";
  /** The documented path and query, without the callback parameter: the runner adds it (and jQuery's `_`) per the chosen style. */
  url(ctx: StepContext<V, F>): string;
  callbackParam: string;
  /** How the callback is named: a plain script's (the default) or the way jQuery does it. */
  style?(ctx: StepContext<V, F>): JsonpStyle;
  /**
   * The state a payload carries, compared with the `state` param sent: null when a payload that should
   * carry one doesn't, undefined when this payload carries none by design (an error answer, at Pigai).
   */
  stateOf?(payload: unknown): string | null | undefined;
  outcome(answer: Answer, ctx: StepContext<V, F>): Outcome<V>;
}

export type Step<V = FlowValues, F = unknown> = SetupStep<V, F> | NavigateStep<V, F> | CallbackStep<V, F> | HttpStep<V, F> | JsonpStep<V, F>;

export interface Flow<V = FlowValues, F = unknown> {
  contract: ProviderContract;
  /** The values the flow carries between steps: they are parsed with it whenever the store is read back. */
  values: ZodType<V>;
  /** Values that are secrets: kept in memory and this tab's sessionStorage only, never in localStorage. */
  secretValues: ReadonlyArray<keyof V & string>;
  /** The contract's fixtures schema: the provider's slice of GET /fixtures is parsed with it. */
  fixtures: ZodType<F>;
  steps: Step<V, F>[];
  /** Ready error scenarios support staff can reproduce in one click. */
  scenarios?: Scenario<V, F>[];
}
