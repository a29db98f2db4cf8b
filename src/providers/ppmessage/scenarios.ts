import { l } from "../../core/i18n/localized.ts";
import type { Scenario } from "../../core/scenario/types.ts";
import type { PpmessageValues } from "./flow/values.ts";
import type { PpmessageFixtures } from "./schemas.ts";

const getToken = [{ kind: "run", step: "client" }, { kind: "authorize", step: "authorize" }, { kind: "run", step: "token" }] as const;

/** What really goes wrong with seed 000, each reproducible from a clean mock. */
export const ppmessageScenarios: Scenario<PpmessageValues, PpmessageFixtures>[] = [
  {
    id: "bearer-scheme",
    shows: 'error_code "3"',
    title: l("Authorization: Bearer instead of OAuth", "用了 Authorization: Bearer 而不是 OAuth"),
    symptom: l('Every API call answers 401 with error_code "3" “no such access token”, although the token is fresh.', '每次 API 调用都返回 401 与 error_code "3" “no such access token”，尽管 token 是新的。'),
    cause: l('token_type says "Bearer", so the client sent Authorization: Bearer <token>; PPMessage only reads the OAuth scheme.', 'token_type 写的是 "Bearer"，客户端便发送了 Authorization: Bearer <token>；PPMessage 只认 OAuth 方案。'),
    fix: l("Send Authorization: OAuth <access_token>.", "发送 Authorization: OAuth <access_token>。"),
    source: '"Authorization": "OAuth xxxxxx"',
    failingStep: "service-users",
    script: [...getToken, { kind: "option", step: "service-users", option: "scheme", value: "Bearer" }, { kind: "run", step: "service-users" }],
  },
  {
    id: "reused-code",
    shows: "already used",
    title: l("Authorization code used twice", "授权码被使用两次"),
    symptom: l("The second POST /ppauth/token answers 400 invalid_grant “Invalid authorization code: already used”.", "第二次 POST /ppauth/token 返回 400 invalid_grant “Invalid authorization code: already used”。"),
    cause: l("Codes are single-use on the mock, the OAuth 2.0 way (assumed: the document says nothing about reuse); a retry or a second tab redeemed it again. The mock revokes the token it issued too.", "模拟服务器按 OAuth 2.0 的做法让授权码只能用一次（推测：文档没有说明能否重复使用）；重试或第二个标签页再次兑换了它。模拟服务器还吊销了用它换到的 token。"),
    fix: l("Exchange each code once; on failure go through the 应用授权 page again.", "每个授权码只兑换一次；失败时重新经过应用授权页。"),
    source: "`code`            | 你获取的授权码",
    failingStep: "token",
    script: [...getToken, { kind: "run", step: "token" }],
  },
  {
    id: "revoked-after-replay",
    shows: 'error_code "4"',
    title: l("Token stops working after its code was replayed", "授权码被重放后 token 失效"),
    symptom: l('API calls that worked start answering 401 with error_code "4" “wrong access token”.', '原本正常的 API 调用开始返回 401 与 error_code "4" “wrong access token”。'),
    cause: l("The code was exchanged a second time; the mock treats that as a leak and revokes the token the code issued.", "授权码被第二次兑换；模拟服务器视之为泄露，吊销了用该授权码换到的 token。"),
    fix: l("Exchange each code once and get a new token through /ppauth/auth.", "每个授权码只兑换一次，并通过 /ppauth/auth 重新获取 token。"),
    source: "`code`            | 你获取的授权码",
    failingStep: "service-users",
    script: [...getToken, { kind: "run", step: "token" }, { kind: "run", step: "service-users" }],
  },
  {
    id: "expired-token",
    shows: 'error_code "5"',
    title: l("Token older than 24 hours", "token 超过 24 小时"),
    symptom: l('API calls answer 401 with error_code "5" “session timeout or already logout.”', 'API 调用返回 401 与 error_code "5" “session timeout or already logout.”'),
    cause: l("The token lives 3600*24 seconds; the virtual clock moved past it. No refresh token is documented.", "token 有效期为 3600*24 秒；虚拟时钟已拨过。文档没有 refresh token。"),
    fix: l("Get a new token through /ppauth/auth and /ppauth/token.", "通过 /ppauth/auth 与 /ppauth/token 重新获取 token。"),
    source: "`expires_in`     | 表示`token`有效时间，值为`3600*24`秒，即24小时",
    failingStep: "service-users",
    script: [...getToken, { kind: "advanceClock", seconds: 86_401 }, { kind: "run", step: "service-users" }],
  },
  {
    id: "wrong-secret",
    shows: "invalid_client",
    title: l("Wrong api_secret", "api_secret 错误"),
    symptom: l("POST /ppauth/token answers 401 invalid_client.", "POST /ppauth/token 返回 401 invalid_client。"),
    cause: l("client_secret is not the api_secret of the app whose api_key was sent (e.g. the kefu key with the console secret).", "client_secret 不是所发送 api_key 对应应用的 api_secret（例如 kefu 的 key 配 console 的 secret）。"),
    fix: l("Send the api_key and api_secret of the same app.", "发送同一个应用的 api_key 与 api_secret。"),
    source: "`client_secret`   | 表示客户端的`api_secret`(即`kefu api_secret`和`console api_secret`)",
    failingStep: "token",
    script: [
      { kind: "run", step: "client" },
      { kind: "authorize", step: "authorize" },
      { kind: "edit", step: "token", param: "client_secret", value: "YTdjMmU5ZjQwYjVkMzE4ZTZmMWEyYzdiOTBkNGU4ZjNhMTVjNmIyZA==" },
      { kind: "run", step: "token" },
    ],
  },
  {
    id: "redirect-uri-mismatch",
    shows: "redirect_uri mismatch",
    title: l("redirect_uri differs at the token endpoint", "兑换时 redirect_uri 不一致"),
    symptom: l("POST /ppauth/token answers 400 invalid_grant “redirect_uri mismatch”.", "POST /ppauth/token 返回 400 invalid_grant “redirect_uri mismatch”。"),
    cause: l("The token request sent a redirect_uri with a trailing slash; it must equal the one sent to /ppauth/auth.", "兑换请求的 redirect_uri 多了结尾斜杠；它必须与 /ppauth/auth 时发送的一致。"),
    fix: l("Send exactly the same redirect_uri in both requests.", "两次请求发送完全相同的 redirect_uri。"),
    source: "`redirect_uri`    | 重定向uri, 应该和之前的一致",
    failingStep: "token",
    script: [
      { kind: "run", step: "client" },
      { kind: "authorize", step: "authorize" },
      { kind: "edit", step: "token", param: "redirect_uri", derive: (ctx) => `${ctx.params.redirect_uri}/` },
      { kind: "run", step: "token" },
    ],
  },
  {
    id: "missing-app-uuid",
    shows: 'error_code "6"',
    title: l("API body without app_uuid", "API 请求体缺少 app_uuid"),
    symptom: l('The API answers 400 with error_code "6" “required parameter not provided.”', 'API 返回 400 与 error_code "6" “required parameter not provided.”'),
    cause: l("PP_GET_APP_SERVICE_USER_LIST needs app_uuid (the kefu or console api_uuid) in the JSON body.", "PP_GET_APP_SERVICE_USER_LIST 需要在 JSON 请求体中提供 app_uuid（kefu 或 console 的 api_uuid）。"),
    fix: l("Add app_uuid to the body.", "在请求体中加入 app_uuid。"),
    source: "部分API需要你提供`app_uuid`(即`kefu api_uuid`和`console api_uuid`)",
    failingStep: "service-users",
    script: [...getToken, { kind: "edit", step: "service-users", param: "app_uuid", value: "" }, { kind: "run", step: "service-users" }],
  },
];
