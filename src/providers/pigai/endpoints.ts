import { defineEndpoints, quirkNote } from "../../core/diagnose/define.ts";
import { l } from "../../core/i18n/localized.ts";
import { pigaiContract as c } from "./contract.ts";

const expiresNote = quirkNote(c, "expires-in-string-vs-number");

/** What the diagnoser checks for seed 003 (lazy chunk). */
export const pigaiEndpoints = defineEndpoints(c, {
  clientFields: { id: "client_id", secret: "client_secret" },
  endpoints: [
    {
      id: "authorize2",
      title: l("Method one: JSONP GET /oauth2/authorize2", "方法一：JSONP GET /oauth2/authorize2"),
      docSection: "获取token方法一",
      flowSteps: ["jsonp", "jsonp-raw"],
      method: "GET",
      path: c.paths.authorize!,
      transport: "jsonp",
      encodings: ["query"],
      params: [
        { name: "client_id", required: true, checks: "client_id" },
        { name: "response_type", required: true, values: ["token"] },
        { name: "callback", required: true },
        { name: "state" },
        { name: "_" },
      ],
    },
    {
      id: "access_token",
      title: l("Method two: POST /oauth2/access_token", "方法二：POST /oauth2/access_token"),
      docSection: "获取token方法二",
      flowSteps: ["token"],
      method: "POST",
      path: c.paths.token!,
      transport: "fetch",
      encodings: ["form", "json"],
      params: [
        { name: "grant_type", required: true, values: ["client_credentials"] },
        { name: "client_id", required: true, checks: "client_id" },
        { name: "client_secret", required: true, checks: "client_secret" },
      ],
    },
    { id: "me", title: l("GET /api/me (assumed)", "GET /api/me（推测）"), flowSteps: ["resource"], method: "GET", path: c.paths.me!, transport: "fetch", encodings: ["query"], params: [], auth: { scheme: "Bearer", required: true } },
  ],
  responses: [
    {
      id: "jsonp",
      title: l("method one's JSONP answer", "方法一的 JSONP 响应"),
      jsonp: true,
      fields: { access_token: { type: "string" }, expires_in: { type: "string", note: expiresNote }, token_type: { type: "string" }, state: { type: "string" } },
    },
    {
      id: "server",
      title: l("method two's answer", "方法二的响应"),
      fields: { access_token: { type: "string" }, expires_in: { type: "number", note: expiresNote }, token_type: { type: "string" }, scope: { type: "any" } },
    },
    { id: "error", title: l("Pigai error (21329)", "批改网错误（21329）"), error: true, fields: { error: { type: "string" }, error_code: { type: "number" }, error_description: { type: "string" } } },
  ],
});
