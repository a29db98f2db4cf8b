import { Hono, type Context } from "hono";
import { appendQuery, capBody, isRegisteredUri, NO_STORE, schemeToken } from "../../../../server/kit/http.ts";
import { bodyOnlyNote } from "../../../../server/kit/challenge.ts";
import { readInput, type InputLadder } from "../../../../server/kit/input.ts";
import { mediaType, Params } from "../../../../server/kit/params.ts";
import type { PpmessageFixtures } from "../schemas.ts";
import type { MockProvider, ProviderEnv } from "../../../../server/kit/provider.ts";
import { issueCode, redeemCodeOnce } from "../../../../server/kit/single-use-codes.ts";
import { oauthError, ppmessageErrors } from "./errors.ts";
import { ACCESS_TOKEN_VALIDITY, CODE_VALIDITY } from "./fixtures.ts";
import { authorizePage, errorPage } from "./pages.ts";
import { createPpmessageState, type AuthorizationRequest } from "./state.ts";

/** PPMessage's codes and tokens are base64 of a sha1 hex digest: 56 characters ending in "==". */
const newSecret = (env: ProviderEnv) => Buffer.from(env.random.hex(20), "ascii").toString("base64");

/** API names the mock serves under POST /api/<NAME>. */
const API_NAMES = new Set(["PP_GET_APP_SERVICE_USER_LIST", "PP_GET_USER_INFO"]);

const repeatedPage = (c: Context, name: string) => errorPage(c, "invalid_request", `Parameter ${name} must not be repeated`);

/** The 应用授权 form post; every refusal is an error page, never a redirect. */
const LOGIN_INPUT: InputLadder = {
  read: { body: ["form"] },
  unsupported: (c, type) => errorPage(c, "invalid_request", `The 应用授权 form must be posted as application/x-www-form-urlencoded, not ${type}`, 415),
  malformed: (c, detail) => errorPage(c, "invalid_request", `Malformed request: ${detail}`),
  repeated: repeatedPage,
};

/** Mock of seed 000's PPMessage: 应用授权 page → code → /ppauth/token → POST /api/<NAME>, mounted at /mock/ppmessage. */
export function createPpmessageMock(env: ProviderEnv): MockProvider {
  let state = createPpmessageState(env);
  const app = new Hono();
  const { ppError, tooLarge } = ppmessageErrors(env.mountPath);
  const url = (c: Context, path: string) => new URL(env.mountPath + path, c.req.url).toString();

  app.use(capBody(tooLarge));

  /** The token request's body: form or JSON (the document only says "body"). */
  const tokenInput: InputLadder = {
    read: { body: ["form", "json"], lenientContentType: true },
    unsupported: (c, type) => ppError(c, 415, oauthError("invalid_request", `Content type ${type} not supported: send application/x-www-form-urlencoded or application/json`)),
    malformed: (c, detail) => ppError(c, 400, oauthError("invalid_request", `Malformed request: ${detail}`)),
    repeated: (c, name) => ppError(c, 400, oauthError("invalid_request", `Parameter ${name} must not be repeated`)),
  };
  const tokenParamMissing = (c: Context, name: string) =>
    ppError(c, 400, oauthError("invalid_request", name === "grant_type" ? "Missing grant_type (must be authorization_code)" : `Missing ${name}${bodyOnlyNote(c.req.header("authorization"), name)}`));
  /** PPMessage's API bodies are JSON, answered in its API envelope. */
  const apiInput: InputLadder = {
    read: { body: ["json"] },
    unsupported: (c) => ppError(c, 415, "NO_JSON", "Content-Type must be application/json."),
    malformed: (c, detail) => ppError(c, 400, "NO_JSON", `${detail}.`),
    repeated: (c, name) => ppError(c, 400, "NO_PARA", `${name} must not be repeated.`),
  };

  /** Validates the authorize parameters; anything untrusted gets an error page, never a redirect. */
  function resolveAuthorization(c: Context, params: Params): { request: AuthorizationRequest } | { refused: Response | Promise<Response> } {
    const repeated = params.repeated();
    if (repeated) return { refused: repeatedPage(c, repeated) };
    if (params.has("redirect_id") && !params.has("redirect_uri")) {
      return { refused: errorPage(c, "invalid_request", "Missing redirect_uri: the parameter is called redirect_uri (the document's example URL says redirect_id, which PPMessage does not read)") };
    }
    const clientId = params.get("client_id");
    if (!clientId) return { refused: errorPage(c, "invalid_request", "Missing client_id (your kefu or console api_key)") };
    const client = state.clients.get(clientId);
    if (!client) return { refused: errorPage(c, "invalid_client", `No application with api_key ${clientId}`) };
    const redirectUri = params.get("redirect_uri");
    if (!redirectUri) return { refused: errorPage(c, "invalid_request", "Missing redirect_uri") };
    if (!isRegisteredUri(redirectUri, client.redirect_uris)) {
      return { refused: errorPage(c, "redirect_uri_mismatch", `redirect_uri ${redirectUri} is not registered for this application (exact match required)`) };
    }
    const responseType = params.get("response_type");
    if (responseType !== "code") {
      return { refused: errorPage(c, "unsupported_response_type", `response_type must be code, got ${responseType ?? "(none)"}`) };
    }
    return { request: { clientId, redirectUri, state: params.get("state") } };
  }

  const clientKind = (clientId: string) => (state.clients.get(clientId)?.kind === "console" ? "Console" : "Kefu");

  app.get("/ppauth/auth", (c) => {
    const check = resolveAuthorization(c, Params.fromSearchParams(new URL(c.req.url).searchParams));
    if ("refused" in check) return check.refused;
    const resolved = check.request;
    return authorizePage(c, url(c, "/ppauth/auth"), resolved, { clientKind: clientKind(resolved.clientId) });
  });

  app.post("/ppauth/auth", async (c) => {
    const params = await readInput(c, LOGIN_INPUT);
    if (params instanceof Response) return params;
    const check = resolveAuthorization(c, params);
    if ("refused" in check) return check.refused;
    const resolved = check.request;
    const email = params.get("email") ?? "";
    const user = state.users.get(email);
    if (!user || user.password !== params.get("password")) {
      return authorizePage(c, url(c, "/ppauth/auth"), resolved, {
        clientKind: clientKind(resolved.clientId),
        email,
        error: "邮箱和密码不匹配 · Email and password do not match",
      });
    }
    const code = newSecret(env);
    issueCode(state.codes, code, { request: resolved, userUuid: user.user_uuid }, env.clock.now() + CODE_VALIDITY);
    return c.redirect(appendQuery(resolved.redirectUri, { code, state: resolved.state }), 302);
  });

  app.on(["GET", "PUT", "DELETE", "PATCH"], "/ppauth/token", (c) => {
    return ppError(c, 405, oauthError("invalid_request", `Method ${c.req.method} not allowed: POST the token request`), undefined, { allow: "POST" });
  });

  app.post("/ppauth/token", async (c) => {
    const fail = (status: 400 | 401, error: string, description: string) => ppError(c, status, oauthError(error, description));
    const params = await readInput(c, tokenInput, { names: ["grant_type"], missing: tokenParamMissing });
    if (params instanceof Response) return params;
    const grantType = params.get("grant_type");
    if (grantType !== "authorization_code") return fail(400, "unsupported_grant_type", `Unsupported grant_type: ${grantType}`);
    const missing = params.missing("code", "client_id", "client_secret", "redirect_uri");
    if (missing) return tokenParamMissing(c, missing);
    const client = state.clients.get(params.get("client_id")!);
    if (!client || client.client_secret !== params.get("client_secret")) {
      return fail(401, "invalid_client", "Unknown client_id (api_key) or wrong client_secret (api_secret)");
    }
    const redeemed = redeemCodeOnce(state.codes, params.get("code")!);
    if (!redeemed.ok) {
      return redeemed.reason === "replayed"
        ? fail(400, "invalid_grant", "Invalid authorization code: already used; the token it issued has been revoked")
        : fail(400, "invalid_grant", "Invalid authorization code: unknown or expired");
    }
    const { grant, family } = redeemed;
    if (grant.request.clientId !== client.client_id) return fail(400, "invalid_grant", "The authorization code was issued to another client");
    if (params.get("redirect_uri") !== grant.request.redirectUri) {
      return fail(400, "invalid_grant", "redirect_uri mismatch: it must equal the redirect_uri sent to /ppauth/auth");
    }
    const accessToken = newSecret(env);
    const expiresAtMs = env.clock.nowMs() + ACCESS_TOKEN_VALIDITY * 1000;
    family.issue(state.accessTokens, accessToken, { clientId: client.client_id, apiUuid: client.api_uuid, userUuid: grant.userUuid, expiresAtMs }, expiresAtMs / 1000);
    return c.json({ access_token: accessToken, token_type: "Bearer", expires_in: ACCESS_TOKEN_VALIDITY }, 200, NO_STORE);
  });

  app.on(["GET", "PUT", "DELETE", "PATCH"], "/api/:name", (c) => {
    return ppError(c, 405, "NO_JSON", "api is POST only.", { allow: "POST" });
  });

  app.post("/api/:name", async (c) => {
    const name = c.req.param("name");
    if (!API_NAMES.has(name)) return ppError(c, 404, "NO_ACTION", `This mock serves ${[...API_NAMES].join(", ")}.`);
    // PPMessage's BaseHandler order: JSON body first, then the OAuth token.
    // Even an empty body must say it is JSON: PPMessage refuses anything else first.
    if (mediaType(c) !== "application/json") return apiInput.unsupported(c, mediaType(c));
    const params = await readInput(c, apiInput);
    if (params instanceof Response) return params;
    const header = c.req.header("authorization");
    const token = schemeToken(header, "OAuth");
    if (!token) {
      const hint = header && /^Bearer\s/i.test(header) ? "The header scheme is OAuth, not Bearer: Authorization: OAuth <token>." : "Send Authorization: OAuth <token>.";
      return ppError(c, 401, "NO_ACCESS_TOKEN", hint);
    }
    const lookup = state.accessTokens.lookup(token);
    if (!lookup) return ppError(c, 401, "WRONG_ACCESS_TOKEN", "Unknown or revoked access token.");
    if (lookup.expired) return ppError(c, 401, "NO_VALID", "The access token expired (24 h); get a new one.");
    const appUuid = params.get("app_uuid");
    if (!appUuid) return ppError(c, 400, "NO_PARA", "app_uuid (your kefu or console api_uuid) is required.");
    if (![...state.clients.values()].some((cl) => cl.api_uuid === appUuid)) return ppError(c, 404, "NO_APP", `app_uuid ${appUuid} is unknown.`);
    const success = { error_code: "0", error_string: "success", uri: `/${name}` };
    const users = [...state.users.values()];
    if (name === "PP_GET_APP_SERVICE_USER_LIST") {
      const list = users
        .filter((u) => u.is_service_user)
        .map((u) => ({ uuid: u.user_uuid, user_email: u.email, user_fullname: u.user_fullname, user_icon: "", is_service_user: true, app_uuid: appUuid }));
      return c.json({ list, ...success }, 200);
    }
    // PP_GET_USER_INFO
    const userUuid = params.get("user_uuid");
    if (!userUuid) return ppError(c, 400, "NO_PARA", "user_uuid (the user who signed in on the 应用授权 page) is required.");
    const user = users.find((u) => u.user_uuid === userUuid);
    if (!user) return ppError(c, 404, "NO_USER", `user_uuid ${userUuid} is unknown.`);
    return c.json({ uuid: user.user_uuid, user_email: user.email, user_fullname: user.user_fullname, user_icon: "", is_service_user: user.is_service_user, app_uuid: appUuid, ...success }, 200);
  });

  app.all("*", (c) =>
    c.req.path.startsWith(`${env.mountPath}/ppauth/`)
      ? ppError(c, 404, oauthError("not_found", `No endpoint ${c.req.method} ${c.req.path}`))
      : ppError(c, 404, "NO_ACTION", `No endpoint ${c.req.method} ${c.req.path}.`),
  );

  return {
    routes: app,
    serverError: (c) => ppError(c, 500, oauthError("server_error", "The mock failed unexpectedly")),
    fixtures: (): PpmessageFixtures => ({
      clients: [...state.clients.values()].map((cl) => ({ ...cl, redirect_uris: [...cl.redirect_uris] })),
      users: [...state.users.values()].map((u) => ({ ...u })),
      settings: { access_token_validity: ACCESS_TOKEN_VALIDITY, code_validity: CODE_VALIDITY, api_names: [...API_NAMES] },
    }),
    reset: () => {
      state = createPpmessageState(env);
    },
  };
}
