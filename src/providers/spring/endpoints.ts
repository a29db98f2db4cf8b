import { defineEndpoints, quirkNote } from "../../core/diagnose/define.ts";
import { l } from "../../core/i18n/localized.ts";
import { springContract as c } from "./contract.ts";

const client = [
  { name: "client_id", required: true, checks: "client_id" },
  { name: "client_secret", required: true, checks: "client_secret" },
] as const;

/** What the diagnoser checks for seed 001 (lazy chunk). */
export const springEndpoints = defineEndpoints(c, {
  clientFields: { id: "client_id", secret: "client_secret" },
  endpoints: [
    {
      id: "authorize",
      title: l("GET /oauth/authorize", "GET /oauth/authorize"),
      docSection: "1 访问 /oauth/authorize 接口（GET）",
      flowSteps: ["authorize"],
      method: "GET",
      path: c.paths.authorize!,
      transport: "navigation",
      encodings: ["query"],
      params: [
        { name: "response_type", required: true, values: ["code"] },
        { name: "client_id", required: true, checks: "client_id" },
        { name: "redirect_uri", required: true, checks: "redirect_uri" },
        { name: "scope" },
        { name: "state" },
      ],
    },
    {
      id: "token",
      title: l("POST /oauth/token (authorization_code)", "POST /oauth/token（authorization_code）"),
      docSection: "7 获取 token 调用 /oauth/token 接口（POST）",
      flowSteps: ["token"],
      method: "POST",
      path: c.paths.token!,
      transport: "fetch",
      encodings: ["query", "form"],
      when: { grant_type: "authorization_code" },
      auth: { scheme: "Basic", required: false },
      params: [{ name: "grant_type", required: true, values: ["authorization_code"] }, { name: "code", required: true }, ...client, { name: "redirect_uri", required: true, checks: "redirect_uri" }],
    },
    {
      id: "refresh",
      title: l("POST /oauth/token (refresh_token)", "POST /oauth/token（refresh_token）"),
      docSection: "8 刷新 token 调用 /oauth/token 接口（POST）",
      flowSteps: ["refresh"],
      method: "POST",
      path: c.paths.token!,
      transport: "fetch",
      encodings: ["query", "form"],
      when: { grant_type: "refresh_token" },
      auth: { scheme: "Basic", required: false },
      params: [{ name: "grant_type", required: true, values: ["refresh_token"] }, { name: "refresh_token", required: true }, ...client, { name: "scope" }],
    },
    { id: "me", title: l("GET /api/me (assumed)", "GET /api/me（推测）"), flowSteps: ["resource"], method: "GET", path: c.paths.me!, transport: "fetch", encodings: ["query"], params: [], auth: { scheme: "Bearer", required: true } },
  ],
  responses: [
    {
      id: "token",
      title: l("token response", "token 响应"),
      fields: {
        access_token: { type: "string" },
        token_type: { type: "string", note: quirkNote(c, "lowercase-bearer") },
        refresh_token: { type: "string" },
        expires_in: { type: "number" },
        scope: { type: "string" },
      },
    },
    { id: "error", title: l("OAuth2 error", "OAuth2 错误"), error: true, fields: { error: { type: "string" }, error_description: { type: "string" } } },
  ],
  callbackParams: [{ name: "code", required: true }],
});
