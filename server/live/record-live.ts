import { STATUS_CODES } from "node:http";
import type { Exchange, Header, RawResponse } from "../../src/core/exchange/exchange.ts";
import { initiatorOf, isTextualType } from "../recorder.ts";
import type { TrafficLog } from "../traffic-log.ts";
import type { UpstreamResult } from "./send-upstream.ts";

export interface LiveRecord {
  provider: string;
  /** The headers the playground received (for the initiator: fetch, navigation, script). */
  incoming: Headers;
  startedAt: number;
  virtualTime: number;
  /** What went to the real server: its URL and the headers on the wire. */
  request: { method: string; url: string; headers: Header[]; body: Uint8Array | undefined };
  result: Exclude<UpstreamResult, { kind: "aborted" }>;
  /** What the client got: the real answer, or the relay's own error when there was none. */
  relayAnswer: Response;
}

const text = (bytes: Uint8Array | undefined) => (bytes ? new TextDecoder().decode(bytes) : "");

const contentType = (headers: readonly Header[]) => headers.find(([name]) => name === "content-type")?.[1];

/**
 * Records one live exchange: the request as sent to the real server and its answer as
 * received, every header included (hop-by-hop and Set-Cookie too: the record says what was
 * on the wire, the client got less). Bodies are within the relay's caps, so whole.
 */
export function recordLive(log: TrafficLog, record: LiveRecord): void {
  const { result, request } = record;
  const exchange: Exchange = {
    id: 0,
    provider: record.provider,
    initiator: initiatorOf([...record.incoming], request.method),
    startedAt: record.startedAt,
    virtualTime: record.virtualTime,
    durationMs: Date.now() - record.startedAt,
    request: { method: request.method, url: request.url, headers: request.headers, body: text(request.body) },
    response: { status: 0, statusText: "", headers: [], body: "" },
    live: true,
  };
  if (result.kind === "answer") {
    const body = request.method === "HEAD" || !isTextualType(contentType(result.headers)) ? "" : text(result.body);
    exchange.response = { status: result.status, statusText: result.statusText, headers: result.headers, body };
    log.add(exchange);
    return;
  }
  exchange.liveFailure = result.kind;
  const answer = record.relayAnswer;
  void answer
    .clone()
    .text()
    .then((body) => {
      const response: RawResponse = { status: answer.status, statusText: STATUS_CODES[answer.status] ?? "", headers: [...answer.headers], body };
      log.add({ ...exchange, response });
    });
}
