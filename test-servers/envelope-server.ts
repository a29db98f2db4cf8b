/**
 * A stand-in for the providers whose real servers are on the internet (PPMessage, Pigai,
 * Easemob, the open platform): the playground's own mock app, alone on another loopback
 * port. It answers in their documented envelopes because it is our mock; it says nothing
 * about how their real servers behave.
 *
 *   npx tsx test-servers/envelope-server.ts     # PORT=8091 by default, prints each provider's base
 */
import { pathToFileURL } from "node:url";
import { createMockApp } from "../server/app.ts";
import { onSocket } from "../server/testing.ts";

export interface EnvelopeServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** The base a live target points at for a provider: `<origin>/mock/<provider>`. */
  baseOf(provider: string): string;
  close(): Promise<void>;
}

export async function startEnvelopeServer(options: { port?: number } = {}): Promise<EnvelopeServer> {
  const { app } = createMockApp();
  const { port, close } = await onSocket(app, options.port ?? 0);
  const origin = `http://127.0.0.1:${port}`;
  return { origin, baseOf: (provider) => `${origin}/mock/${provider}`, close };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const server = await startEnvelopeServer({ port: Number(process.env.PORT ?? 8091) });
  console.log(`Envelope server (the playground's own mocks) on ${server.origin}:`);
  for (const provider of ["ppmessage", "pigai", "easemob", "openplatform"]) console.log(`  ${provider}: ${server.baseOf(provider)}`);
}
