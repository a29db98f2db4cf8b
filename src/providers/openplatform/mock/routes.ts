import { Hono, type Context } from "hono";
import { capBody } from "../../../../server/kit/http.ts";
import { readInput, type InputLadder } from "../../../../server/kit/input.ts";
import type { Params } from "../../../../server/kit/params.ts";
import type { OpenplatformFixtures } from "../schemas.ts";
import type { MockProvider, ProviderEnv } from "../../../../server/kit/provider.ts";
import { issueCode, redeemCodeOnce } from "../../../../server/kit/single-use-codes.ts";
import { openplatformError, tooLarge } from "./errors.ts";
import { OPENPLATFORM_SETTINGS, type OpenplatformApp } from "./fixtures.ts";
import { createOpenplatformState } from "./state.ts";

/** 64 hex characters, like every token and ticket in the document. */
const hex64 = (env: ProviderEnv) => env.random.hex(32);

/** Form or JSON body (the document does not say which); every failure in the "4102" envelope. */
const INPUT: InputLadder = {
  read: { body: ["form", "json"], lenientContentType: true },
  unsupported: (c, type) => openplatformError(c, `Content-Type ${type} is not supported: send application/x-www-form-urlencoded or application/json`),
  malformed: (c, detail) => openplatformError(c, `malformed request body: ${detail}`),
  repeated: (c, name) => openplatformError(c, `${name} must not be repeated`),
};

/** Mock of seed 004's open platform OAuth2 (login-free code, js_ticket, checkCode), mounted at /mock/openplatform. */
export function createOpenplatformMock(env: ProviderEnv): MockProvider {
  let state = createOpenplatformState(env);
  const app = new Hono();
  const settings = OPENPLATFORM_SETTINGS;

  const input = (c: Context, names: readonly string[]) => readInput(c, INPUT, { names, missing: (c, name) => openplatformError(c, `${name} is required`) });

  const findApp = (params: Params): OpenplatformApp | undefined => state.apps.get(params.get("app_id") ?? "");

  const ok = (c: Context, data: Record<string, unknown>, status: number | string = "2000") => c.json({ status, message: "ok", data }, 200, { "cache-control": "no-store" });

  app.use(capBody(tooLarge));

  // Simulated (outside the document): the host app's in-page JS API that hands the page a login-free code.
  app.post("/_sim/code", async (c) => {
    const params = await input(c, ["app_id"]);
    if (params instanceof Response) return params;
    const client = findApp(params);
    if (!client) return openplatformError(c, "app_id is invalid");
    const username = params.get("username") ?? state.users.keys().next().value!;
    const user = state.users.get(username);
    if (!user) return openplatformError(c, `user ${username} does not exist`);
    const password = params.get("password");
    if (password !== undefined && password !== user.password) return openplatformError(c, "username or password is wrong");
    const code = env.random.hex(16);
    issueCode(state.codes, code, { appId: client.app_id, username: user.username }, env.clock.now() + settings.code_validity);
    return c.json({ code, expires_in: settings.code_validity }, 200);
  });

  app.post("/OAuth2/token", async (c) => {
    const params = await input(c, ["app_id", "secret", "grant_type", "code"]);
    if (params instanceof Response) return params;
    const client = findApp(params);
    if (!client) return openplatformError(c, "app_id is invalid");
    if (params.get("secret") !== client.secret) return openplatformError(c, "secret is invalid");
    if (params.get("grant_type") !== "authorization_code") return openplatformError(c, "grant_type must be authorization_code");
    const redeemed = redeemCodeOnce(state.codes, params.get("code")!);
    if (!redeemed.ok || redeemed.grant.appId !== client.app_id) return openplatformError(c, "authorization_code is invalid");
    const { grant, family } = redeemed;
    const user = state.users.get(grant.username)!;
    const accessToken = hex64(env);
    const refreshToken = hex64(env);
    const record = { appId: client.app_id, openId: user.open_id };
    family.issue(state.userTokens, accessToken, record, env.clock.now() + settings.access_token_validity);
    // Assumed: the document says refresh_token is "暂时无用" and documents no refresh call; kept 30 days.
    family.issue(state.refreshTokens, refreshToken, record, env.clock.now() + 30 * 86_400);
    // The document's only numeric status: "status": 2000 (every other example has "2000").
    return ok(
      c,
      { open_id: user.open_id, access_token: accessToken, expires_in: settings.access_token_validity, refresh_token: refreshToken, scope: "sns_base" },
      2000,
    );
  });

  // Assumed (not in the source document): the "获取服务器access_token接口" that /OAuth2/ticket relies on.
  app.post("/OAuth2/server_token", async (c) => {
    const params = await input(c, ["app_id", "secret"]);
    if (params instanceof Response) return params;
    const client = findApp(params);
    if (!client) return openplatformError(c, "app_id is invalid");
    if (params.get("secret") !== client.secret) return openplatformError(c, "secret is invalid");
    const token = hex64(env);
    state.serverTokens.set(token, { appId: client.app_id }, env.clock.now() + settings.server_token_validity);
    return ok(c, { access_token: token, expires_in: settings.server_token_validity });
  });

  app.post("/OAuth2/ticket", async (c) => {
    const params = await input(c, ["app_id", "access_token", "type"]);
    if (params instanceof Response) return params;
    const client = findApp(params);
    if (!client) return openplatformError(c, "app_id is invalid");
    if (params.get("type") !== "js_ticket") return openplatformError(c, "type must be js_ticket");
    const server = state.serverTokens.get(params.get("access_token")!);
    if (!server || server.appId !== client.app_id) return openplatformError(c, "server_access_token is invalid");
    const now = env.clock.now();
    const previous = state.currentTicket.get(client.app_id);
    const previousExpiry = previous === undefined ? undefined : state.tickets.expiresAt(previous);
    if (previous !== undefined && typeof previousExpiry === "number" && previousExpiry > now) {
      // "之前的js_ticket将会将有效时间设置为10分钟": never lengthened, only cut.
      state.tickets.setExpiry(previous, Math.min(previousExpiry, now + settings.ticket_rotation_grace));
    }
    const ticket = hex64(env);
    state.tickets.set(ticket, { appId: client.app_id }, now + settings.ticket_validity);
    state.currentTicket.set(client.app_id, ticket);
    return ok(c, { ticket, expires_in: settings.ticket_validity });
  });

  app.post("/OAuth2/checkCode", async (c) => {
    const params = await input(c, ["app_id", "type", "code"]);
    if (params instanceof Response) return params;
    const client = findApp(params);
    if (!client) return openplatformError(c, "app_id is invalid");
    const type = params.get("type");
    const code = params.get("code")!;
    const openId = params.get("open_id");
    if (type === "js_ticket") {
      const ticket = state.tickets.get(code);
      if (!ticket || ticket.appId !== client.app_id) return openplatformError(c, "js_ticket is invalid");
      return ok(c, { expires_in: state.tickets.expiresAt(code) });
    }
    if (type !== "access_token") return openplatformError(c, "type must be access_token or js_ticket");
    const userToken = state.userTokens.get(code);
    if (userToken && userToken.appId === client.app_id) {
      if (!openId) return openplatformError(c, "open_id is required when checking a user access_token");
      if (openId !== userToken.openId) return openplatformError(c, "open_id does not match the access_token");
      return ok(c, { expires_in: state.userTokens.expiresAt(code) });
    }
    const server = state.serverTokens.get(code);
    if (server && server.appId === client.app_id) return ok(c, { expires_in: state.serverTokens.expiresAt(code) });
    // With open_id the caller meant a user token; without it, the document's own example message.
    return openplatformError(c, openId ? "access_token is invalid" : "server_access_token is invalid");
  });

  app.all("*", (c) => openplatformError(c, `no such endpoint: ${c.req.method} ${c.req.path}`, 404));

  return {
    routes: app,
    serverError: (c) => openplatformError(c, "the mock failed unexpectedly", 500),
    fixtures: (): OpenplatformFixtures => ({
      clients: [...state.apps.values()].map((a) => ({ ...a })),
      users: [...state.users.values()].map((u) => ({ ...u })),
      settings: { ...settings },
    }),
    reset: () => {
      state = createOpenplatformState(env);
    },
  };
}
