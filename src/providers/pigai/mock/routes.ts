import { Hono, type Context } from "hono";
import { capBody, NO_STORE, schemeToken } from "../../../../server/kit/http.ts";
import { bodyOnlyNote } from "../../../../server/kit/challenge.ts";
import { readInput, type InputLadder } from "../../../../server/kit/input.ts";
import { Params } from "../../../../server/kit/params.ts";
import type { PigaiFixtures } from "../schemas.ts";
import type { MockProvider, ProviderEnv } from "../../../../server/kit/provider.ts";
import { invalidClient, pigaiError, pigaiErrorBody, tooLarge } from "./errors.ts";
import { ACCESS_TOKEN_VALIDITY, PIGAI_ERROR_CODE } from "./fixtures.ts";
import { createPigaiState, type AccessToken } from "./state.ts";

/** A JavaScript identifier path (`myfun`, `ns.cb`, jQuery's `jQuery3600123_456`); nothing else is ever echoed. */
export const CALLBACK_PATTERN = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;
export const CALLBACK_MAX_LENGTH = 128;

const JSONP_HEADERS = { "content-type": "application/javascript; charset=utf-8", "x-content-type-options": "nosniff", "cache-control": "no-store" };

// The document's tokens are 40 lower-case hex characters.
const newToken = (env: ProviderEnv) => env.random.hex(20);

/**
 * JSON.stringify leaves U+2028/U+2029 raw; escape them so the answer is valid in any JS engine.
 * `<` and `>` are escaped too, so a reflected value never shows up as markup, whatever renders the answer.
 */
const toJs = (value: unknown) =>
  JSON.stringify(value).replace(/[\u2028\u2029<>]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);

/** The server-side token request: form (as curl -d sends it) or JSON. */
const TOKEN_INPUT: InputLadder = {
  read: { body: ["form", "json"], lenientContentType: true },
  unsupported: (c, type) => pigaiError(c, 415, "invalid_request", `Content type ${type} not supported: send application/x-www-form-urlencoded (as curl -d does) or application/json`),
  malformed: (c, detail) => pigaiError(c, 400, "invalid_request", `Malformed request: ${detail}`),
  repeated: (c, name) => pigaiError(c, 400, "invalid_request", `Parameter ${name} must not be repeated`),
};

const missing = (c: Context, name: string) =>
  pigaiError(c, 400, "invalid_request", name === "grant_type" ? "grant_type is required (client_credentials)" : `${name} is required${bodyOnlyNote(c.req.header("authorization"), name)}`);

/** Mock of seed 003's Pigai: JSONP implicit grant and server-side client_credentials, mounted at /mock/pigai. */
export function createPigaiMock(env: ProviderEnv): MockProvider {
  let state = createPigaiState(env);
  const app = new Hono();

  app.use(capBody(tooLarge));

  function issue(clientId: string, method: AccessToken["method"]): string {
    const token = newToken(env);
    const expiresAtMs = env.clock.nowMs() + ACCESS_TOKEN_VALIDITY * 1000;
    state.accessTokens.set(token, { clientId, method, expiresAtMs }, expiresAtMs / 1000);
    return token;
  }

  // Method one: GET, JSONP. The answer is `callback(jsondata)`; errors come through the same callback.
  app.get("/oauth2/authorize2", (c) => {
    const query = new URL(c.req.url).searchParams;
    // jQuery's cache-buster `_=` is ignored, as any server does.
    query.delete("_");
    const params = Params.fromSearchParams(query);
    // The callback is checked first and never reflected: a bad one gets plain JSON, not JavaScript.
    const callbacks = query.getAll("callback");
    if (callbacks.length > 1) return pigaiError(c, 400, "invalid_request", "callback must not be repeated");
    const callback = callbacks[0];
    if (!callback) {
      return pigaiError(c, 400, "invalid_request", "callback is required: name the JavaScript function to call, e.g. callback=myfun");
    }
    if (callback.length > CALLBACK_MAX_LENGTH || !CALLBACK_PATTERN.test(callback)) {
      return pigaiError(c, 400, "invalid_request", `callback must be a JavaScript identifier path (letters, digits, _ and $, dot-separated, at most ${CALLBACK_MAX_LENGTH} characters)`);
    }
    // A <script> element ignores non-2xx answers, so errors travel through the callback with 200.
    const answer = (payload: Record<string, unknown>) => c.body(`${callback}(${toJs(payload)})`, 200, JSONP_HEADERS);
    const repeated = params.repeated();
    if (repeated) return answer(pigaiErrorBody("invalid_request", `Parameter ${repeated} must not be repeated`));
    const clientId = params.get("client_id");
    if (!clientId) return answer(pigaiErrorBody("invalid_request", "client_id is required (your APIKEY)"));
    const responseType = params.get("response_type");
    if (responseType !== "token") {
      return answer(pigaiErrorBody("unsupported_response_type", `response_type must be token, got ${responseType ?? "(none)"}`));
    }
    if (!state.clients.has(clientId)) return answer(pigaiErrorBody("invalid_client", "Unknown client_id (APIKEY)"));
    const stateParam = params.get("state");
    const payload: Record<string, unknown> = {
      access_token: issue(clientId, "jsonp"),
      expires_in: String(ACCESS_TOKEN_VALIDITY), // a string here, as in the document
      token_type: "Bearer",
    };
    if (stateParam !== undefined) payload.state = stateParam;
    return answer(payload);
  });

  app.on(["POST", "PUT", "DELETE", "PATCH"], "/oauth2/authorize2", (c) => {
    return pigaiError(c, 405, "invalid_request", `Method ${c.req.method} not allowed: authorize2 is GET (JSONP)`, { allow: "GET" });
  });

  // Method two: server side, POST, client_credentials.
  app.post("/oauth2/access_token", async (c) => {
    const params = await readInput(c, TOKEN_INPUT, { names: ["grant_type"], missing });
    if (params instanceof Response) return params;
    const grantType = params.get("grant_type");
    if (grantType !== "client_credentials") return pigaiError(c, 400, "unsupported_grant_type", `Unsupported grant_type: ${grantType}`);
    const absent = params.missing("client_id", "client_secret");
    if (absent) return missing(c, absent);
    const client = state.clients.get(params.get("client_id")!);
    if (!client || client.client_secret !== params.get("client_secret")) {
      return invalidClient(c, "Unknown client_id (App key) or wrong client_secret (App secret)");
    }
    // expires_in is a number here, as in the document; scope is null.
    return c.json({ access_token: issue(client.client_id, "client_credentials"), expires_in: ACCESS_TOKEN_VALIDITY, token_type: "Bearer", scope: null }, 200, NO_STORE);
  });

  app.on(["GET", "PUT", "DELETE", "PATCH"], "/oauth2/access_token", (c) => {
    return pigaiError(c, 405, "invalid_request", `Method ${c.req.method} not allowed: access_token is POST`, { allow: "POST" });
  });

  // Assumed (not in the source document): a small protected call so expiry and 401 can be shown.
  app.get("/api/me", (c) => {
    const token = schemeToken(c.req.header("authorization"), "Bearer");
    if (!token) return pigaiError(c, 401, "invalid_request", "Send Authorization: Bearer <access_token>");
    const lookup = state.accessTokens.lookup(token);
    if (!lookup) return pigaiError(c, 401, "invalid_token", "Unknown access token");
    if (lookup.expired) return pigaiError(c, 401, "expired_token", "The access token expired (7200 s); get a new one");
    const t = lookup.value;
    const client = state.clients.get(t.clientId);
    return c.json({ client_id: t.clientId, app_name: client?.name ?? null, method: t.method, expires_in: Math.max(0, Math.floor((t.expiresAtMs - env.clock.nowMs()) / 1000)) }, 200);
  });

  app.all("*", (c) => pigaiError(c, 404, "not_found", `No endpoint ${c.req.method} ${c.req.path}`));

  return {
    routes: app,
    serverError: (c) => pigaiError(c, 500, "server_error", "The mock failed unexpectedly"),
    fixtures: (): PigaiFixtures => ({
      clients: [...state.clients.values()].map((cl) => ({ ...cl, redirect_uris: [...cl.redirect_uris] })),
      users: [],
      settings: { access_token_validity: ACCESS_TOKEN_VALIDITY, error_code: PIGAI_ERROR_CODE, callback_max_length: CALLBACK_MAX_LENGTH },
    }),
    reset: () => {
      state = createPigaiState(env);
    },
  };
}
