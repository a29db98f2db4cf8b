import { defineEndpoints, quirkNote } from "../../core/diagnose/define.ts";
import { l } from "../../core/i18n/localized.ts";
import { openplatformContract as c } from "./contract.ts";

const app = { name: "app_id", required: true, checks: "client_id" } as const;
const statusNote = quirkNote(c, "status-number-vs-string");
const envelope = { status: { type: "string", note: statusNote }, message: { type: "string" } } as const;

/** What the diagnoser checks for seed 004 (lazy chunk). */
export const openplatformEndpoints = defineEndpoints(c, {
  clientFields: { id: "app_id", secret: "secret" },
  endpoints: [
    {
      id: "token",
      title: l("Login-free code → open_id: POST /OAuth2/token", "免登 code → open_id：POST /OAuth2/token"),
      docSection: "使用免登陆 code 获取用户 open_id 的接口",
      flowSteps: ["token"],
      method: "POST",
      path: c.paths.token!,
      transport: "fetch",
      encodings: ["form", "json"],
      params: [app, { name: "secret", required: true, checks: "client_secret" }, { name: "grant_type", required: true, values: ["authorization_code"] }, { name: "code", required: true }],
    },
    {
      id: "server_token",
      title: l("Server access_token: POST /OAuth2/server_token (assumed)", "服务器 access_token：POST /OAuth2/server_token（推测）"),
      flowSteps: ["server-token"],
      method: "POST",
      path: c.paths.serverToken!,
      transport: "fetch",
      encodings: ["form", "json"],
      params: [app, { name: "secret", required: true, checks: "client_secret" }],
    },
    {
      id: "ticket",
      title: l("js_ticket: POST /OAuth2/ticket", "js_ticket：POST /OAuth2/ticket"),
      docSection: "获取`js_ticket`的接口",
      flowSteps: ["ticket", "rotate"],
      method: "POST",
      path: c.paths.ticket!,
      transport: "fetch",
      encodings: ["form", "json"],
      params: [app, { name: "access_token", required: true }, { name: "type", required: true, values: ["js_ticket"] }],
    },
    {
      id: "checkCode",
      title: l("POST /OAuth2/checkCode", "POST /OAuth2/checkCode"),
      docSection: "检测获取的`access_token`或者`js_ticket`是否有效的接口",
      flowSteps: ["check-ticket", "check-token"],
      method: "POST",
      path: c.paths.checkCode!,
      transport: "fetch",
      encodings: ["form", "json"],
      params: [app, { name: "type", required: true, values: ["access_token", "js_ticket"] }, { name: "code", required: true }, { name: "open_id" }],
    },
  ],
  responses: [
    {
      id: "token",
      title: l("/OAuth2/token success", "/OAuth2/token 成功"),
      fields: { ...envelope, "data.open_id": { type: "string" }, "data.access_token": { type: "string" }, "data.expires_in": { type: "number" }, "data.refresh_token": { type: "string" }, "data.scope": { type: "string" } },
    },
    { id: "ticket", title: l("/OAuth2/ticket success", "/OAuth2/ticket 成功"), fields: { ...envelope, "data.ticket": { type: "string" }, "data.expires_in": { type: "number" } } },
    {
      id: "checkCode",
      title: l("/OAuth2/checkCode success", "/OAuth2/checkCode 成功"),
      fields: { ...envelope, "data.expires_in": { type: "number", note: quirkNote(c, "checkcode-absolute-expiry") } },
    },
    { id: "error", title: l("4102 envelope", "4102 错误包"), error: true, ok: { status: "2000" }, fields: { ...envelope, data: { type: "any" } } },
  ],
});
