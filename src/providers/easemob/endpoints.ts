import { defineEndpoints, quirkNote } from "../../core/diagnose/define.ts";
import { l } from "../../core/i18n/localized.ts";
import { easemobContract as c } from "./contract.ts";

/** What the diagnoser checks for seed 002 (lazy chunk). */
export const easemobEndpoints = defineEndpoints(c, {
  hosts: ["a1.easemob.com", "a1-hsb.easemob.com"],
  clientFields: { id: "client_id", secret: "client_secret" },
  endpoints: [
    {
      id: "token",
      title: l("App token: POST /{org_name}/{app_name}/token", "App token：POST /{org_name}/{app_name}/token"),
      docSection: "获取管理员权限 Token",
      flowSteps: ["token"],
      method: "POST",
      path: c.paths.token!,
      transport: "fetch",
      encodings: ["json"],
      headers: [
        { name: "Content-Type", value: "application/json" },
        { name: "Accept", value: "application/json" },
      ],
      params: [
        { name: "grant_type", required: true, values: ["client_credentials"] },
        { name: "client_id", required: true, checks: "client_id" },
        { name: "client_secret", required: true, checks: "client_secret" },
        { name: "ttl", type: "number" },
      ],
    },
    {
      id: "users",
      title: l("GET /{org_name}/{app_name}/users", "GET /{org_name}/{app_name}/users"),
      flowSteps: ["users"],
      method: "GET",
      path: c.paths.users!,
      transport: "fetch",
      encodings: ["query"],
      auth: { scheme: "Bearer", required: true },
      params: [{ name: "limit" }, { name: "cursor" }],
    },
  ],
  responses: [
    { id: "token", title: l("app token response", "app token 响应"), fields: { access_token: { type: "string" }, expires_in: { type: "number", note: quirkNote(c, "ttl-string") }, application: { type: "string" } } },
    {
      id: "error",
      title: l("Easemob error", "环信错误"),
      error: true,
      fields: { error: { type: "string" }, exception: { type: "string" }, timestamp: { type: "number" }, duration: { type: "number" }, error_description: { type: "string" } },
    },
  ],
});
