import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Header } from "../../src/core/exchange/exchange.ts";
import { headerPairs } from "./relay-headers.ts";

/** A request as it arrived on the wire at the test's real server. */
export interface Arrived {
  method: string;
  /** The request target: path and query as sent. */
  target: string;
  headers: Header[];
  body: Buffer;
}

/**
 * A real HTTP server on a loopback port for the relay's tests: it keeps every request as it
 * arrived (raw headers, repeats and order kept) and answers as the test's `answer` says.
 */
export async function scriptedServer(answer: (req: IncomingMessage, res: ServerResponse, body: Buffer) => void) {
  const arrived: Arrived[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      arrived.push({ method: req.method ?? "", target: req.url ?? "", headers: headerPairs(req.rawHeaders), body });
      answer(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    arrived,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The value of a header as it arrived, every occurrence. */
export const valuesOf = (headers: readonly Header[], name: string) => headers.filter(([n]) => n === name).map(([, v]) => v);
