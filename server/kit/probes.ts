import type { ZodType } from "zod";

/** Requests to one mounted provider, by the documented path after its mount (so any workspace can be probed). */
export interface ProbeClient {
  request(path: string, init?: RequestInit): Promise<Response>;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  postForm(path: string, body: Record<string, string> | string, headers?: Record<string, string>): Promise<Response>;
  postJson(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
}

/** Live values a fuzzer mixes into its requests, so that they get past the first check. */
export interface FuzzSeeds {
  /** Authorization header values that work (a fresh token in the right scheme). */
  authorizations?: string[];
  /** Parameter values that work (codes, tokens, tickets). */
  values?: string[];
  /** A Cookie header of a signed-in session. */
  cookie?: string;
}

/** What the fuzzer aims at and what it accepts back. */
export interface FuzzHints {
  /** Paths after the mount worth aiming at. */
  paths: string[];
  /** Parameter names the endpoints read. */
  names: string[];
  /** Plausible values: fixture ids and secrets, URIs, grant types. */
  values: string[];
  /** Authorization header values to try. */
  authorizations: string[];
  /** Paths after the mount where HTML pages are answers, error pages included. */
  pages?: RegExp;
  /** Every 2xx JSON answer is one of these or one of the contract's error envelopes. */
  answers: ZodType[];
  /** Fetches live credentials; called before fuzzing and again now and then, since the fuzzer spends them. */
  seed?(client: ProbeClient): Promise<FuzzSeeds>;
}

/** A page that shows (or carries in a hidden field) a value the request chose. */
export interface PageProbe {
  name: string;
  /** The status the page answers with, for a benign value and a hostile one alike. */
  status: number;
  /** Opens the page with `value` reflected into it; `session` is the signed-in Cookie header, if the provider has sessions. */
  open(client: ProbeClient, value: string, session: string): Promise<Response>;
}

/** An endpoint that redirects to a client's registered redirect URI and must refuse every other. */
export interface RedirectProbe {
  name: string;
  /** The client whose registered URIs are tried, as its id appears in the fixtures. */
  clientId: string;
  /** Asks for a redirect to `redirectUri` carrying `state`. */
  attempt(client: ProbeClient, redirectUri: string, state: string, session: string): Promise<Response>;
}

/** A JSONP endpoint: what it takes and which callback names it accepts. */
export interface JsonpProbe {
  path: string;
  callbackParam: string;
  /** The callback names accepted, and their longest length. */
  callback: RegExp;
  callbackMaxLength: number;
  /** The other parameters of a successful call. */
  params: Record<string, string>;
}

/** A POST endpoint whose body cap answers 413 in the provider's envelope. */
export interface BodyCapProbe {
  path: string;
  contentType: string;
}

/** How to obtain and use a single-use code, to see that a replay revokes what it issued. */
export interface ReplayProbe {
  /** A fresh code, as the browser (or the simulated host app) would get it. */
  code(client: ProbeClient): Promise<string>;
  /** Exchanges the code; its JSON body is what `use` and `refresh` are given. */
  exchange(client: ProbeClient, code: string): Promise<Response>;
  /** Calls with what an exchange or refresh answered: true when served. */
  use(client: ProbeClient, issued: unknown): Promise<boolean>;
  /** Refreshes what was issued, where the provider can. */
  refresh?(client: ProbeClient, issued: unknown): Promise<Response>;
}

/** What the cross-provider suites (fuzz, security) need of a provider's server half. */
export interface MockProbes {
  fuzz: FuzzHints;
  /** Signs a browser in; answers its Cookie header. Only for providers with sessions. */
  session?(client: ProbeClient): Promise<string>;
  pages: PageProbe[];
  redirects: RedirectProbe[];
  jsonp: JsonpProbe[];
  bodyCap: BodyCapProbe[];
  replay?: ReplayProbe;
}

/** A string field of a JSON answer (nested by dots, e.g. "data.access_token"); "" when absent. */
export function answerField(answer: unknown, path: string): string {
  let value: unknown = answer;
  for (const name of path.split(".")) value = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[name] : undefined;
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

/** The first cookie a response sets, as a Cookie header would carry it back ("" when none). */
export const cookieOf = (res: Response): string => res.headers.get("set-cookie")?.split(";")[0] ?? "";

/** A ProbeClient over an app's request(), for paths under `base` (e.g. "/mock/spring", or "" for absolute paths). */
export function probeClient(app: { request(url: string, init?: RequestInit): Response | Promise<Response> }, base: string, origin = "http://localhost:4173"): ProbeClient {
  const request = async (path: string, init?: RequestInit) => app.request(path.startsWith("http") ? path : `${origin}${base}${path}`, init);
  return {
    request,
    get: (path, headers = {}) => request(path, { headers }),
    postForm: (path, body, headers = {}) =>
      request(path, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
        body: typeof body === "string" ? body : new URLSearchParams(body).toString(),
      }),
    postJson: (path, body, headers = {}) =>
      request(path, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) }),
  };
}
