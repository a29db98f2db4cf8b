import { Hono, type Context } from "hono";
import { capBody, schemeToken } from "../../../../server/kit/http.ts";
import { bodyOnlyNote } from "../../../../server/kit/challenge.ts";
import { readInput, type InputLadder } from "../../../../server/kit/input.ts";
import { Params } from "../../../../server/kit/params.ts";
import type { EasemobFixtures } from "../schemas.ts";
import type { MockProvider, ProviderEnv } from "../../../../server/kit/provider.ts";
import { easemobErrors } from "./errors.ts";
import { easemobSettings, type EasemobApp } from "./fixtures.ts";
import { appKey, createEasemobState, type RateRecord } from "./state.ts";

/** Easemob app tokens look like the document's "YWMt…" (base64 of "ac-" + payload): 140 characters. */
const newAppToken = (env: ProviderEnv) => "YWMt" + env.random.base64url(102);

/** ttl as the document allows it: a Long, or (as its own curl sends) a numeric string. */
function parseTtl(raw: unknown): number | "absent" | undefined {
  if (raw === undefined || raw === null) return "absent";
  if (typeof raw === "number") return Number.isSafeInteger(raw) && raw >= 0 ? raw : undefined;
  if (typeof raw === "string" && /^\d{1,15}$/.test(raw.trim())) return Number(raw.trim());
  return undefined;
}

/** Mock of seed 002's Easemob app token endpoint, mounted at /mock/easemob. */
export function createEasemobMock(env: ProviderEnv): MockProvider {
  let state = createEasemobState(env);
  const app = new Hono();
  const settings = easemobSettings(env.settings);
  const { easemobError, invalidClient, unauthorized, tooLarge } = easemobErrors(env);
  const illegalArgument = (c: Context, description: string) => easemobError(c, 400, "illegal_argument", "IllegalArgumentException", description);
  /** The token body is JSON only, as the document sends it. */
  const input: InputLadder = {
    read: { body: ["json"] },
    unsupported: (c, type) => easemobError(c, 415, "unsupported_media_type", "UnsupportedMediaTypeException", `Content-Type '${type}' is not supported: send application/json`),
    malformed: (c, detail) => easemobError(c, 400, "json_parse", "JsonParseException", `Unable to parse the request body: ${detail}`),
    repeated: (c, name) => illegalArgument(c, `${name} must not be repeated`),
  };

  const findApp = (c: Context): EasemobApp | undefined => state.apps.get(appKey(c.req.param("org_name") ?? "", c.req.param("app_name") ?? ""));

  const appNotFound = (c: Context, what: string) => {
    const org = c.req.param("org_name") ?? "";
    const name = c.req.param("app_name") ?? "";
    return easemobError(c, 404, "organization_application_not_found", "OrganizationApplicationNotFoundException", `Could not find application for ${org}/${name} from URI: ${org}/${name}/${what}`);
  };

  /** Counts one token request of a client on the virtual clock; answers the 429 when over the limit or banned. */
  function rateLimit(c: Context, clientId: string): Response | undefined {
    const max = settings.rate_limit_max_requests;
    if (max === null) return undefined;
    const now = env.clock.nowMs();
    let record: RateRecord | undefined = state.rates.get(clientId);
    if (!record) {
      record = { requestsMs: [], bannedUntilMs: null };
      state.rates.set(clientId, record);
    }
    if (record.bannedUntilMs !== null) {
      if (now < record.bannedUntilMs) {
        const retryAfter = Math.ceil((record.bannedUntilMs - now) / 1000);
        return easemobError(c, 429, "reach_limit", "TooManyRequestsException", `client ${clientId} is banned for requesting tokens too often; retry after ${retryAfter} seconds`, {
          "retry-after": String(retryAfter),
        });
      }
      record.bannedUntilMs = null;
      record.requestsMs = [];
    }
    const windowStart = now - settings.rate_limit_window_seconds * 1000;
    record.requestsMs = record.requestsMs.filter((t) => t > windowStart && t <= now);
    record.requestsMs.push(now);
    if (record.requestsMs.length > max) {
      record.bannedUntilMs = now + settings.ban_seconds * 1000;
      record.requestsMs = [];
      return easemobError(
        c,
        429,
        "reach_limit",
        "TooManyRequestsException",
        `This request has reached api limit: more than ${max} token requests in ${settings.rate_limit_window_seconds} seconds; client ${clientId} is banned for ${settings.ban_seconds} seconds`,
        { "retry-after": String(settings.ban_seconds) },
      );
    }
    return undefined;
  }

  app.use(capBody(tooLarge));

  app.on(["GET", "PUT", "DELETE", "PATCH"], "/:org_name/:app_name/token", (c) => {
    return easemobError(c, 405, "unsupported_service_operation", "UnsupportedServiceOperationException", `Service operation not supported: ${c.req.method} token, use POST`, { allow: "POST" });
  });

  app.post("/:org_name/:app_name/token", async (c) => {
    const application = findApp(c);
    if (!application) return appNotFound(c, "token");
    const params = await readInput(c, input, { names: ["grant_type", "client_id", "client_secret"], missing: (c, name) => illegalArgument(c, `${name} is required${bodyOnlyNote(c.req.header("authorization"), name)}`) });
    if (params instanceof Response) return params;
    const grantType = params.get("grant_type")!;
    if (grantType !== "client_credentials") {
      return easemobError(c, 400, "unsupported_grant_type", "IllegalArgumentException", `unsupported grant_type: ${grantType}, the app token needs client_credentials`);
    }
    const ttl = parseTtl(params.raw("ttl"));
    if (ttl === undefined) return illegalArgument(c, "ttl must be a non-negative whole number of seconds (0 = never expires)");
    const clientId = params.get("client_id")!;
    if (clientId === application.client_id) {
      const limited = rateLimit(c, clientId);
      if (limited) return limited;
    }
    if (clientId !== application.client_id || params.get("client_secret") !== application.client_secret) {
      return invalidClient(c, "invalid client_id or client_secret");
    }
    const lifetime = ttl === "absent" ? settings.default_ttl : ttl;
    const token = newAppToken(env);
    state.tokens.set(token, { org_name: application.org_name, app_name: application.app_name, client_id: clientId }, lifetime === 0 ? null : env.clock.now() + lifetime);
    return c.json({ access_token: token, expires_in: lifetime, application: application.application }, 200, { "cache-control": "no-store" });
  });

  app.get("/:org_name/:app_name/users", (c) => {
    const application = findApp(c);
    if (!application) return appNotFound(c, "users");
    const token = schemeToken(c.req.header("authorization"), "Bearer");
    if (!token) return unauthorized(c, "unauthorized", "Unable to authenticate due to expired access token");
    const lookup = state.tokens.lookup(token);
    if (lookup?.expired) return unauthorized(c, "unauthorized", "Unable to authenticate due to expired access token");
    if (!lookup || lookup.value.org_name !== application.org_name || lookup.value.app_name !== application.app_name) {
      return unauthorized(c, "auth_bad_access_token", "Unable to authenticate");
    }
    const query = new URL(c.req.url).searchParams;
    const limitParam = query.get("limit");
    let limit = 10;
    if (limitParam !== null) {
      if (!/^\d{1,3}$/.test(limitParam) || Number(limitParam) < 1 || Number(limitParam) > 100) {
        return illegalArgument(c, "limit must be a whole number from 1 to 100");
      }
      limit = Number(limitParam);
    }
    const entities = state.users.slice(0, limit).map((u) => ({
      uuid: u.uuid,
      type: "user",
      created: u.created,
      modified: u.created,
      username: u.username,
      activated: true,
    }));
    const url = new URL(c.req.url);
    return c.json({
      action: "get",
      application: application.application,
      params: Params.fromSearchParams(query).toRecord(),
      path: "/users",
      uri: `${url.origin}${env.mountPath}/${application.org_name}/${application.app_name}/users`,
      entities,
      timestamp: env.clock.nowMs(),
      duration: 0,
      organization: application.org_name,
      applicationName: application.app_name,
      count: entities.length,
    }, 200);
  });

  app.all("*", (c) => easemobError(c, 404, "service_resource_not_found", "ResourceNotFoundException", `Service resource not found: ${c.req.method} ${c.req.path}`));

  return {
    routes: app,
    serverError: (c) => easemobError(c, 500, "server_error", "RuntimeException", "The mock failed unexpectedly"),
    fixtures: (): EasemobFixtures => ({
      clients: [...state.apps.values()].map((a) => ({ ...a })),
      users: state.users.map((u) => ({ username: u.username, password: u.password, uuid: u.uuid })),
      settings: { ...settings },
    }),
    reset: () => {
      state = createEasemobState(env);
    },
  };
}
