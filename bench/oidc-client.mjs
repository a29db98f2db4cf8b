/** The one client bench/oidc-server.mjs registers with oidc-provider, allowed the client_credentials grant. */
export const OIDC_CLIENT = { client_id: "bench-client", client_secret: "bench-secret" };
