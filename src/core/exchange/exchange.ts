/** One raw HTTP request/response pair, as recorded by the mock or by the SPA. */
export type Header = [name: string, value: string];

export interface RawRequest {
  method: string;
  url: string;
  headers: Header[];
  body: string;
  bodyTruncated?: boolean;
  /** Cookies the browser sent that belong to other sites on the same host, left out of the record. */
  omittedCookies?: number;
}

export interface RawResponse {
  status: number;
  statusText: string;
  headers: Header[];
  body: string;
  bodyTruncated?: boolean;
  /** The client went away before the answer (status 0): nothing was sent back. */
  clientAborted?: boolean;
}

/** How the request was made: a page navigation the SPA cannot see, a fetch, or a script tag (JSONP). */
export type Initiator = "navigation" | "form" | "fetch" | "script" | "other";

export interface Exchange {
  id: number;
  /** Provider id taken from the mount path, or "_control". */
  provider: string;
  initiator: Initiator;
  /** Real wall-clock time (ms since epoch) the request arrived. */
  startedAt: number;
  /** Virtual clock (Unix seconds) when the request arrived. */
  virtualTime: number;
  durationMs: number;
  request: RawRequest;
  response: RawResponse;
  /**
   * Relayed to a real server (`<ws>/live/<provider>/…`): the request is what went to the real
   * server (its URL, the headers sent), the response what came back from it.
   */
  live?: boolean;
  /** A live exchange that brought back no real answer: the response is the relay's own JSON error. */
  liveFailure?: LiveFailure;
}

/** Why a live exchange has no real answer: the server was unreachable, too slow, or answered more than the relay passes on. */
export type LiveFailure = "unreachable" | "timeout" | "too_large";

export function headerValue(headers: Header[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find(([n]) => n.toLowerCase() === lower)?.[1];
}
