import { l } from "../../../core/i18n/localized.ts";
import { encodeParams } from "../../../core/wizard/engine.ts";
import type { Params, ParamSpec, RequestSpec, StepContext, StepOption } from "../../../core/wizard/types.ts";
import type { OpenplatformFixtures } from "../schemas.ts";
import type { OpenplatformValues } from "./values.ts";

type Param = ParamSpec<OpenplatformValues, OpenplatformFixtures>;
type Ctx = StepContext<OpenplatformValues, OpenplatformFixtures>;
const firstApp = (ctx: Pick<Ctx, "fixtures">) => ctx.fixtures?.clients[0];

/** The document names no content type: form by default, JSON on request. */
export const encodingOption: StepOption = {
  id: "encoding",
  label: l("Body encoding (the document does not say)", "请求体编码（文档未说明）"),
  default: "form",
  choices: [
    { value: "form", label: l("Form", "表单"), explain: l("application/x-www-form-urlencoded (default)", "application/x-www-form-urlencoded（默认）") },
    { value: "json", label: l("JSON", "JSON"), explain: l("application/json; the mock accepts both (assumed)", "application/json；模拟服务器两种都接受（推测）") },
  ],
};

export function post(path: string, params: Params, encoding: string | undefined): RequestSpec {
  if (encoding === "json") {
    const body = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== ""));
    return { method: "POST", path, headers: [["Content-Type", "application/json"], ["Accept", "application/json"]], body: JSON.stringify(body) };
  }
  return { method: "POST", path, headers: [["Content-Type", "application/x-www-form-urlencoded"], ["Accept", "application/json"]], body: encodeParams(params) };
}

export const checkSpec = (ctx: Ctx, appId: string, type: string, code: string) => post("/OAuth2/checkCode", { app_id: appId, type, code }, ctx.options.encoding);

export const appIdParam: Param = {
  name: "app_id",
  required: true,
  explain: l("The app id the open platform issued.", "开放平台提供的应用 id。"),
  initial: (ctx) => ctx.values.app_id ?? firstApp(ctx)?.app_id,
};
export const secretParam: Param = {
  name: "secret",
  required: true,
  secret: true,
  explain: l("The secret the open platform issued (the table writes “␣secret”, with a stray space).", "开放平台提供的密钥（参数表写成了带空格的“␣secret”）。"),
  initial: (ctx) => ctx.values.secret ?? firstApp(ctx)?.secret,
};
export const serverTokenParam = (explain = l("The server access_token.", "服务器 access_token。")): Param => ({
  name: "access_token",
  required: true,
  secret: true,
  explain,
  initial: (ctx) => ctx.values.server_access_token,
});
export const jsTicketTypeParam: Param = { name: "type", required: true, explain: l("Always js_ticket.", "此处恒为 js_ticket。"), initial: () => "js_ticket" };
export const checkTypeParam = (initial: "js_ticket" | "access_token"): Param => ({
  name: "type",
  required: true,
  explain: l("access_token or js_ticket.", "access_token 或 js_ticket。"),
  initial: () => initial,
  choices: initial === "js_ticket" ? ["js_ticket", "access_token"] : ["access_token", "js_ticket"],
});

export const checkCodeDoc =
  "POST /OAuth2/checkCode\n| `app_id` | 是 |开放平台提供更多应用 id|\n|` type` | 是 |当检测`code`类型为`access_token`则为`access_token`,如果类型为`js_ticket`,则为`js_ticket`|\n| `code` | 是 |要检测的`code`值|\n| `open_id` | 否 |此处当检测的是用户的授权`access_token`时,才是必传的值|\n\n{\n  \"status\": \"2000\",\n  \"message\": \"ok\",\n  \"data\": {\n    \"expires_in\": 1654576906\n  }\n}";
