/**
 * One request to a real server with node's own HTTP client: fetch() would add headers of its
 * own (Sec-Fetch-Mode, Accept-Language, Accept-Encoding…), decompress the answer and hide
 * repeated headers, and the relay must pass on exactly what was sent and received.
 */
import http from "node:http";
import https from "node:https";
import type { Header } from "../../src/core/exchange/exchange.ts";
import { headerPairs } from "./relay-headers.ts";

export interface UpstreamRequest {
  url: URL;
  method: string;
  headers: readonly Header[];
  body: Uint8Array | undefined;
  timeoutMs: number;
  maxAnswerBytes: number;
  /** Aborted when the playground's own client goes away: the real request is dropped too. */
  signal: AbortSignal;
}

export type UpstreamResult =
  | { kind: "answer"; status: number; statusText: string; headers: Header[]; body: Uint8Array<ArrayBuffer> }
  | { kind: "unreachable"; message: string }
  | { kind: "timeout" }
  | { kind: "too_large"; declared: boolean }
  | { kind: "aborted" };

// No keep-alive: a pooled socket the server has closed fails a POST that is then not retried.
const agents = { "http:": new http.Agent({ keepAlive: false }), "https:": new https.Agent({ keepAlive: false }) };

export function sendUpstream(request: UpstreamRequest): Promise<UpstreamResult> {
  return new Promise((resolve) => {
    const { url } = request;
    let settled = false;
    const finish = (result: UpstreamResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.signal.removeEventListener("abort", onAbort);
      outgoing.destroy();
      resolve(result);
    };
    const client = url.protocol === "https:" ? https : http;
    const outgoing = client.request({
      agent: agents[url.protocol as "http:" | "https:"],
      protocol: url.protocol,
      hostname: url.hostname.replace(/^\[(.*)\]$/, "$1"),
      port: url.port || undefined,
      method: request.method,
      path: `${url.pathname}${url.search}`,
      headers: request.headers.flat(),
      setHost: false,
    });
    const timer = setTimeout(() => finish({ kind: "timeout" }), request.timeoutMs);
    const onAbort = () => finish({ kind: "aborted" });
    request.signal.addEventListener("abort", onAbort);
    outgoing.on("error", (err: NodeJS.ErrnoException) => finish({ kind: "unreachable", message: err.code ?? err.message }));
    outgoing.on("response", (incoming) => {
      if (Number(incoming.headers["content-length"] ?? 0) > request.maxAnswerBytes) return finish({ kind: "too_large", declared: true });
      const chunks: Buffer[] = [];
      let size = 0;
      incoming.on("data", (chunk: Buffer) => {
        size += chunk.byteLength;
        if (size > request.maxAnswerBytes) finish({ kind: "too_large", declared: false });
        else chunks.push(chunk);
      });
      incoming.on("error", (err: NodeJS.ErrnoException) => finish({ kind: "unreachable", message: err.code ?? err.message }));
      incoming.on("end", () =>
        finish({ kind: "answer", status: incoming.statusCode ?? 0, statusText: incoming.statusMessage ?? "", headers: headerPairs(incoming.rawHeaders), body: Buffer.concat(chunks) as Uint8Array<ArrayBuffer> }),
      );
    });
    outgoing.end(request.body);
  });
}
