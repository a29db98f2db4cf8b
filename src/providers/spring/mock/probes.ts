import { answerField as field, cookieOf, type MockProbes, type ProbeClient } from "../../../../server/kit/probes.ts";
import { springMeSchema, springTokenSchema } from "../schemas.ts";
import { SPRING_USERS, springClients } from "./fixtures.ts";

const CLIENTS = springClients([]);
const MESSAGING = CLIENTS[0]!;
const TRUSTED = CLIENTS[1]!;
const USER = SPRING_USERS[0]!;
/** The document's own redirect URI, registered with both clients. */
const REDIRECT = "http://localhost";

const authorize = (fields: Record<string, string>) => `/oauth/authorize?${new URLSearchParams(fields).toString()}`;
const q = encodeURIComponent;

/** Seed 001 steps 1–4: the saved request, then the login, whose answer carries the new session id. */
async function signIn(client: ProbeClient): Promise<string> {
  const first = await client.get(authorize({ response_type: "code", client_id: MESSAGING.client_id, redirect_uri: REDIRECT }));
  return cookieOf(await client.postForm("/login", { username: USER.username, password: USER.password }, { cookie: cookieOf(first) }));
}

async function code(client: ProbeClient): Promise<string> {
  const cookie = await signIn(client);
  const res = await client.get(authorize({ response_type: "code", client_id: TRUSTED.client_id, redirect_uri: REDIRECT }), { cookie });
  return new URL(res.headers.get("location") ?? "http://x").searchParams.get("code") ?? "";
}

const exchange = (client: ProbeClient, value: string) =>
  client.postForm("/oauth/token", { grant_type: "authorization_code", code: value, client_id: TRUSTED.client_id, client_secret: TRUSTED.client_secret, redirect_uri: REDIRECT });

/** What the fuzzer and the security suite need to reach into the Spring mock. */
export const springProbes: MockProbes = {
  fuzz: {
    paths: ["/login", "/", "/oauth/authorize", "/oauth/token", "/api/me", "/oauth/confirm_access", "/oauth/check_token"],
    names: ["grant_type", "code", "client_id", "client_secret", "redirect_uri", "refresh_token", "response_type", "scope", "state", "username", "password", "user_oauth_approval", "scope.read", "scope.write", "error", "logout"],
    values: ["authorization_code", "refresh_token", "password", "code", "token", MESSAGING.client_id, TRUSTED.client_id, "messging-client", MESSAGING.client_secret, TRUSTED.client_secret, USER.username, REDIRECT, "http://localhost/", "HTTP://LOCALHOST", "http://localhost@evil.example", "http://localhost:4173/callback", "read", "write", "read write", "true", "false"],
    authorizations: ["Basic bWVzc2FnaW5nLWNsaWVudDpzZWNyZXQ=", "Basic dHJ1c3RlZC1jbGllbnQ6dHJ1c3RlZC1zZWNyZXQ=", "Basic Og==", "Basic ", "Basic ***", "Basic JXp6OiV6eg==", "Bearer ", "Bearer x"],
    pages: /^\/(login|oauth\/authorize)?$/,
    answers: [springTokenSchema, springMeSchema],
    async seed(client) {
      const issued: unknown = await (await exchange(client, await code(client))).json();
      return {
        cookie: await signIn(client),
        authorizations: [`Bearer ${field(issued, "access_token")}`],
        values: [await code(client), field(issued, "access_token"), field(issued, "refresh_token")],
      };
    },
  },
  session: signIn,
  pages: [
    { name: "login page", status: 200, open: (client, v) => client.get(`/login?error=${q(v)}&logout=${q(v)}&${q(v)}=1`) },
    {
      name: "approval page (state and extra parameters ride along)",
      status: 200,
      open: (client, v, cookie) => client.get(authorize({ response_type: "code", client_id: MESSAGING.client_id, redirect_uri: REDIRECT, state: v, [v]: v }), { cookie }),
    },
    { name: "error page: unknown client_id", status: 400, open: (client, v, cookie) => client.get(authorize({ response_type: "code", client_id: v }), { cookie }) },
    { name: "error page: redirect_uri", status: 400, open: (client, v, cookie) => client.get(authorize({ response_type: "code", client_id: MESSAGING.client_id, redirect_uri: v }), { cookie }) },
    {
      name: "error page: redirect_uri below a registered one",
      status: 400,
      open: (client, v, cookie) => client.get(authorize({ response_type: "code", client_id: MESSAGING.client_id, redirect_uri: `${REDIRECT}/${v}` }), { cookie }),
    },
    {
      name: "error page: repeated parameter",
      status: 400,
      open: (client, v, cookie) => client.get(`${authorize({ response_type: "code", client_id: MESSAGING.client_id, [v]: v, [`${v}2`]: "" })}&${q(v)}=x`, { cookie }),
    },
    {
      name: "error page: approval with nothing pending",
      status: 400,
      async open(client, v, cookie) {
        // The first post answers whatever was pending; the second finds nothing.
        await client.postForm("/oauth/authorize", { user_oauth_approval: "false" }, { cookie });
        return client.postForm("/oauth/authorize", { user_oauth_approval: v }, { cookie });
      },
    },
  ],
  redirects: [
    {
      name: "authorize, auto-approved (code)",
      clientId: TRUSTED.client_id,
      attempt: (client, uri, state, cookie) => client.get(authorize({ response_type: "code", client_id: TRUSTED.client_id, redirect_uri: uri, state }), { cookie }),
    },
    {
      name: "authorize with an unsupported response_type (error redirect)",
      clientId: TRUSTED.client_id,
      attempt: (client, uri, state, cookie) => client.get(authorize({ response_type: "token", client_id: TRUSTED.client_id, redirect_uri: uri, state }), { cookie }),
    },
    {
      name: "approval page, then approved",
      clientId: MESSAGING.client_id,
      async attempt(client, uri, state, cookie) {
        const page = await client.get(authorize({ response_type: "code", client_id: MESSAGING.client_id, redirect_uri: uri, state }), { cookie });
        if (page.status !== 200) return page;
        return client.postForm("/oauth/authorize", { user_oauth_approval: "true", "scope.read": "true", "scope.write": "true" }, { cookie });
      },
    },
  ],
  jsonp: [],
  bodyCap: [
    { path: "/oauth/token", contentType: "application/x-www-form-urlencoded" },
    { path: "/login", contentType: "application/x-www-form-urlencoded" },
  ],
  replay: {
    code,
    exchange,
    use: async (client, issued) => (await client.get("/api/me", { Authorization: `Bearer ${field(issued, "access_token")}` })).status === 200,
    refresh: (client, issued) =>
      client.postForm("/oauth/token", { grant_type: "refresh_token", refresh_token: field(issued, "refresh_token"), client_id: TRUSTED.client_id, client_secret: TRUSTED.client_secret }),
  },
};
