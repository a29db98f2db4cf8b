/**
 * A Spring-style authorization server that no one here wrote: panva's oidc-provider set up
 * like seed 001's server (routes /oauth/authorize and /oauth/token, client messaging-client /
 * secret, scopes read write, refresh tokens, its own login and consent pages), in memory.
 * A test harness for live targets, not a model of how to configure oidc-provider.
 *
 *   npx tsx test-servers/spring-oidc.ts     # PORT=8090 by default, prints its base
 *
 * GET /health answers {"ok":true} (for Playwright's webServer).
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import Provider from "oidc-provider";

export const SPRING_CLIENT = { client_id: "messaging-client", client_secret: "secret", redirect_uri: "http://localhost" } as const;

/** The playground's own callbacks (any workspace), on any loopback port. */
const PLAYGROUND_CALLBACK = /^http:\/\/(?:localhost|127\.0\.0\.1):\d{1,5}(?:\/w\/[A-Za-z0-9_-]{8,32})?\/callback$/;

export interface SpringOidc {
  /** Where it answers, e.g. http://localhost:8090 (the document's base). */
  base: string;
  port: number;
  close(): Promise<void>;
}

export async function startSpringOidc(options: { port?: number } = {}): Promise<SpringOidc> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const base = `http://localhost:${port}`;
  const provider = new Provider(base, {
    clients: [
      {
        client_id: SPRING_CLIENT.client_id,
        client_secret: SPRING_CLIENT.client_secret,
        // The document sends the secret in the body; oidc-provider takes Basic for it as well.
        token_endpoint_auth_method: "client_secret_post",
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        redirect_uris: [SPRING_CLIENT.redirect_uri],
        scope: "read write",
      },
    ],
    routes: { authorization: "/oauth/authorize", token: "/oauth/token" },
    scopes: ["read", "write"],
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => false },
    issueRefreshToken: async (_ctx: unknown, client: { grantTypeAllowed(grant: string): boolean }) => client.grantTypeAllowed("refresh_token"),
  });
  // Test harness only: the playground's callback carries a random workspace id, unknown in
  // advance, so besides the registered URIs this server accepts the playground's callbacks.
  const registered = provider.Client.prototype.redirectUriAllowed;
  provider.Client.prototype.redirectUriAllowed = function (value) {
    return registered.call(this, value) || PLAYGROUND_CALLBACK.test(value);
  };
  provider.on("server_error", (_ctx, err) => console.error(err));
  const oidc = provider.callback();
  server.on("request", (req, res) => {
    if (req.url === "/health") {
      res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
      return;
    }
    void oidc(req, res);
  });
  return {
    base,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { base } = await startSpringOidc({ port: Number(process.env.PORT ?? 8090) });
  console.log(`Spring-style oidc-provider on ${base} (client messaging-client / secret; any login and password)`);
}
