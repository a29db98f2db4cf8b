import { defineEndpoints, quirkNote } from "../../core/diagnose/define.ts";
import { l } from "../../core/i18n/localized.ts";
import { ppmessageContract as c } from "./contract.ts";

/** What the diagnoser checks for seed 000 (lazy chunk). */
export const ppmessageEndpoints = defineEndpoints(c, {
  clientFields: { id: "client_id", secret: "client_secret" },
  endpoints: [
    {
      id: "authorize",
      title: l("Get the authorization code: GET /ppauth/auth", "获取授权码：GET /ppauth/auth"),
      docSection: "获取授权码",
      flowSteps: ["authorize"],
      method: "GET",
      path: c.paths.authorize!,
      transport: "navigation",
      encodings: ["query"],
      params: [
        { name: "state" },
        { name: "client_id", required: true, checks: "client_id" },
        { name: "redirect_uri", required: true, checks: "redirect_uri" },
        { name: "response_type", required: true, values: ["code"] },
      ],
    },
    {
      id: "token",
      title: l("Get the token: POST /ppauth/token", "获取 token：POST /ppauth/token"),
      docSection: "获取 Token",
      flowSteps: ["token"],
      method: "POST",
      path: c.paths.token!,
      transport: "fetch",
      encodings: ["form", "json"],
      params: [
        { name: "code", required: true },
        { name: "client_id", required: true, checks: "client_id" },
        { name: "client_secret", required: true, checks: "client_secret" },
        { name: "redirect_uri", required: true, checks: "redirect_uri" },
        { name: "grant_type", required: true, values: ["authorization_code"] },
      ],
    },
    {
      id: "api",
      title: l("Call the API: POST /api/<NAME>", "调用 API：POST /api/<NAME>"),
      docSection: "调用API",
      flowSteps: ["service-users", "user-info"],
      method: "POST",
      path: "/api/{api_name}",
      transport: "fetch",
      encodings: ["json"],
      headers: [{ name: "Content-Type", value: "application/json" }],
      auth: { scheme: "OAuth", required: true },
      params: [{ name: "app_uuid" }, { name: "user_uuid" }],
    },
  ],
  responses: [
    {
      id: "token",
      title: l("token response", "token 响应"),
      fields: { access_token: { type: "string" }, token_type: { type: "string", note: quirkNote(c, "bearer-vs-oauth-scheme") }, expires_in: { type: "number" } },
    },
    { id: "oauth-error", title: l("OAuth error", "OAuth 错误"), error: true, fields: { error: { type: "string" }, error_description: { type: "string" } } },
    {
      id: "api",
      title: l("API envelope", "API 返回包"),
      error: true,
      ok: { error_code: "0" },
      fields: { error_code: { type: "string" }, error_string: { type: "string" }, uri: { type: "string" } },
    },
  ],
  callbackParams: [{ name: "code", required: true }, { name: "state" }],
});
