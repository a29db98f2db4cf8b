import { Hono, type Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { appendQuery, capBody, isRegisteredUri, schemeToken } from "../../../../server/kit/http.ts";
import { readInput, type InputLadder } from "../../../../server/kit/input.ts";
import { Params, readParams } from "../../../../server/kit/params.ts";
import type { SpringFixtures } from "../schemas.ts";
import type { MockProvider, ProviderEnv } from "../../../../server/kit/provider.ts";
import { issueCode } from "../../../../server/kit/single-use-codes.ts";
import { springError, tooLarge } from "./errors.ts";
import { CODE_VALIDITY } from "./fixtures.ts";
import { approvalPage, errorPage, loginPage, signedInPage } from "./pages.ts";
import { createSpringState, SESSION_IDLE_SECONDS, type AuthorizationRequest, type Session } from "./state.ts";
import { authenticateClient, authorizationCodeGrant, expiresIn, refreshTokenGrant } from "./token.ts";

const SESSION_COOKIE = "JSESSIONID";

/** The token request: query string (the document's postman example) or a form body (its curl). */
const TOKEN_INPUT: InputLadder = {
  read: { query: true, body: ["form"], lenientContentType: true },
  unsupported: (c, type) => springError(c, 415, "invalid_request", `Content type '${type}' not supported: send application/x-www-form-urlencoded or query parameters`),
  malformed: (c, detail) => springError(c, 400, "invalid_request", `Malformed request: ${detail}`),
  repeated: (c, name) => springError(c, 400, "invalid_request", `Parameter ${name} must not be repeated`),
};

/** Mock of seed 001's Spring Security OAuth2 server, mounted at /mock/spring. */
export function createSpringMock(env: ProviderEnv): MockProvider {
  let state = createSpringState(env);
  const app = new Hono();
  const url = (c: Context, path: string) => new URL(env.mountPath + path, c.req.url).toString();

  /** The browser's live session, its idle time renewed. */
  function currentSession(c: Context): [string, Session] | undefined {
    const id = getCookie(c, SESSION_COOKIE);
    const existing = id ? state.sessions.get(id) : undefined;
    if (!id || !existing) return undefined;
    state.sessions.set(id, existing, env.clock.now() + SESSION_IDLE_SECONDS);
    return [id, existing];
  }

  /** A session under a new random id, sent as the browser's cookie. */
  function startSession(c: Context, contents: Session = {}): Session {
    const id = env.random.hex(16).toUpperCase();
    state.sessions.set(id, contents, env.clock.now() + SESSION_IDLE_SECONDS);
    setCookie(c, SESSION_COOKIE, id, { path: env.mountPath, httpOnly: true, sameSite: "Lax" });
    return contents;
  }

  app.use(capBody(tooLarge));

  app.get("/login", (c) => {
    const query = new URL(c.req.url).searchParams;
    return loginPage(c, url(c, "/login"), { error: query.has("error"), logout: query.has("logout") });
  });

  app.post("/login", async (c) => {
    const input = await readParams(c, { body: ["form"] });
    const params = input.ok ? input.params : undefined;
    const username = params?.get("username");
    const user = username ? state.users.get(username) : undefined;
    if (!params || params.repeated() || !user || user.password !== params.get("password")) {
      return c.redirect(url(c, "/login?error"), 302);
    }
    // A new id at login (Spring's session fixation protection): an id someone planted or saw before signs nothing in.
    const previous = currentSession(c);
    if (previous) state.sessions.delete(previous[0]);
    startSession(c, { user: user.username });
    return c.redirect(url(c, previous?.[1].savedRequest ?? "/"), 302);
  });

  const home = (c: Context) => {
    const s = currentSession(c)?.[1];
    return s?.user ? signedInPage(c, s.user) : c.redirect(url(c, "/login"), 302);
  };
  // "/" under the mount answers at /mock/spring; /mock/spring/ (where a login without a saved request lands) is served below.
  app.get("/", home);

  /** Validates an authorize request; a bad client or redirect is never redirected to. */
  function resolveAuthorization(c: Context, params: Params): AuthorizationRequest | { refused: Response | Promise<Response> } {
    const repeated = params.repeated();
    if (repeated) return { refused: errorPage(c, "invalid_request", `Parameter ${repeated} must not be repeated`) };
    const clientId = params.get("client_id");
    if (!clientId) return { refused: errorPage(c, "invalid_client", "A client id must be provided") };
    const client = state.clients.get(clientId);
    if (!client) return { refused: errorPage(c, "invalid_client", `No client with requested id: ${clientId}`) };
    const redirectUri = params.get("redirect_uri");
    let resolved: string;
    if (redirectUri === undefined) {
      if (client.redirect_uris.length !== 1) return { refused: errorPage(c, "invalid_request", "A redirectUri must be either supplied or preconfigured in the ClientDetails") };
      resolved = client.redirect_uris[0]!;
    } else if (!isRegisteredUri(redirectUri, client.redirect_uris)) {
      return { refused: errorPage(c, "redirect_uri_mismatch", `Invalid redirect: ${redirectUri} does not match one of the registered values.`) };
    } else {
      resolved = redirectUri;
    }
    const responseType = params.get("response_type");
    const stateParam = params.get("state");
    if (responseType !== "code") {
      return { refused: c.redirect(appendQuery(resolved, { error: "unsupported_response_type", error_description: `Unsupported response types: [${responseType ?? ""}]`, state: stateParam }), 302) };
    }
    const requested = (params.get("scope") ?? "").split(/[\s,]+/).filter(Boolean);
    const invalid = requested.find((s) => !client.scope.includes(s));
    if (invalid) {
      return { refused: c.redirect(appendQuery(resolved, { error: "invalid_scope", error_description: `Invalid scope: ${requested.join(" ")}`, scope: client.scope.join(" "), state: stateParam }), 302) };
    }
    return { clientId, redirectUri, resolvedRedirectUri: resolved, scopes: requested.length ? requested : client.scope, state: stateParam };
  }

  function redirectWithCode(c: Context, request: AuthorizationRequest, user: string, scopes: string[]) {
    const code = env.random.alnum(6);
    issueCode(state.codes, code, { request: { ...request, scopes }, user }, env.clock.now() + CODE_VALIDITY);
    return c.redirect(appendQuery(request.resolvedRedirectUri, { code, state: request.state }), 302);
  }

  app.get("/oauth/authorize", (c) => {
    const s = currentSession(c)?.[1] ?? startSession(c);
    if (!s.user) {
      // Only the query is kept: a request target in absolute form must not make the return trip foreign.
      s.savedRequest = `/oauth/authorize${new URL(c.req.url).search}`;
      return c.redirect(url(c, "/login"), 302);
    }
    const resolved = resolveAuthorization(c, Params.fromSearchParams(new URL(c.req.url).searchParams));
    if ("refused" in resolved) return resolved.refused;
    const client = state.clients.get(resolved.clientId)!;
    if (client.autoapprove) return redirectWithCode(c, resolved, s.user, resolved.scopes);
    s.authorizationRequest = resolved;
    return approvalPage(c, url(c, "/oauth/authorize"), client.client_id, resolved.scopes);
  });

  app.post("/oauth/authorize", async (c) => {
    const found = currentSession(c);
    if (!found?.[1].user) return c.redirect(url(c, "/login"), 302);
    const s = found[1];
    const input = await readParams(c, { body: ["form"] });
    if (!input.ok) return errorPage(c, "invalid_request", "The approval must be posted as a form");
    const pending = s.authorizationRequest;
    if (!pending) return errorPage(c, "invalid_request", "Cannot approve uninitialized authorization request.");
    s.authorizationRequest = undefined;
    const approved = input.params.get("user_oauth_approval") === "true";
    const scopes = pending.scopes.filter((scope) => !input.params.has(`scope.${scope}`) || input.params.get(`scope.${scope}`) === "true");
    if (!approved || scopes.length === 0) {
      return c.redirect(appendQuery(pending.resolvedRedirectUri, { error: "access_denied", error_description: "User denied access", state: pending.state }), 302);
    }
    return redirectWithCode(c, pending, s.user!, scopes);
  });

  app.on(["GET", "PUT", "DELETE", "PATCH"], "/oauth/token", (c) => {
    return springError(c, 405, "method_not_allowed", `Request method '${c.req.method}' not supported`, { allow: "POST" });
  });

  app.post("/oauth/token", async (c) => {
    const params = await readInput(c, TOKEN_INPUT);
    if (params instanceof Response) return params;
    const auth = authenticateClient(c, state, params);
    if (!auth.ok) return auth.response;
    const grantType = params.get("grant_type");
    if (!grantType) return springError(c, 400, "invalid_request", "Missing grant type");
    if (!auth.client.authorized_grant_types.includes(grantType)) {
      return springError(c, 400, "unsupported_grant_type", `Unsupported grant type: ${grantType}`);
    }
    return grantType === "authorization_code"
      ? authorizationCodeGrant(c, env, state, auth, params)
      : refreshTokenGrant(c, env, state, auth.client, params);
  });

  // Assumed (not in the source document): a small protected resource to call with the token.
  app.get("/api/me", (c) => {
    const token = schemeToken(c.req.header("authorization"), "Bearer");
    if (!token) return springError(c, 401, "unauthorized", "Full authentication is required to access this resource");
    const lookup = state.accessTokens.lookup(token);
    if (!lookup) return springError(c, 401, "invalid_token", `Invalid access token: ${token}`);
    if (lookup.expired) return springError(c, 401, "invalid_token", `Access token expired: ${token}`);
    const t = lookup.value;
    return c.json({ name: t.user, client_id: t.clientId, scope: t.scopes, expires_in: expiresIn(env, t.expiresAtMs) }, 200);
  });

  app.all("*", (c) => {
    if ((c.req.method === "GET" || c.req.method === "HEAD") && c.req.path === `${env.mountPath}/`) return home(c);
    return springError(c, 404, "not_found", `No endpoint ${c.req.method} ${c.req.path}`);
  });

  return {
    routes: app,
    sessionCookies: [SESSION_COOKIE],
    serverError: (c) => springError(c, 500, "server_error", "The mock failed unexpectedly"),
    fixtures: (): SpringFixtures => ({
      clients: [...state.clients.values()].map((cl) => ({ ...cl })),
      users: [...state.users.values()].map((u) => ({ ...u })),
      settings: { access_token_validity: 43_200, refresh_token_validity: 2_592_000, code_validity: CODE_VALIDITY },
    }),
    reset: () => {
      state = createSpringState(env);
    },
  };
}
