// A real OAuth server for `npm run bench` to compare with: panva's oidc-provider
// (certified OpenID Connect provider on Koa), with one confidential client allowed the
// client_credentials grant. Listens on loopback, on PORT or an ephemeral port, and
// reports its port like the bench's other servers.
import { createServer } from "node:http";
import Provider from "oidc-provider";
import { reportListening } from "./child.mjs";
import { OIDC_CLIENT } from "./oidc-client.mjs";

const server = createServer();
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  const { port } = server.address();
  const provider = new Provider(`http://127.0.0.1:${port}`, {
    clients: [{ ...OIDC_CLIENT, grant_types: ["client_credentials"], redirect_uris: [], response_types: [], scope: "read" }],
    features: { clientCredentials: { enabled: true }, devInteractions: { enabled: false } },
    scopes: ["read"],
  });
  provider.on("server_error", (_ctx, err) => console.error(err));
  server.on("request", provider.callback());
  reportListening(server, port, "oidc-provider");
});
