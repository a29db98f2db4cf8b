import { l } from "../../core/i18n/localized.ts";
import type { Scenario } from "../../core/scenario/types.ts";
import type { PigaiValues } from "./flow/values.ts";
import type { PigaiFixtures } from "./schemas.ts";

/** What really goes wrong with seed 003, each reproducible from a clean mock. */
export const pigaiScenarios: Scenario<PigaiValues, PigaiFixtures>[] = [
  {
    id: "jsonp-without-callback",
    shows: "callback is required",
    title: l("JSONP without a callback", "JSONP 没带 callback"),
    symptom: l("The <script> fails to load; fetched directly, /oauth2/authorize2 answers 400 with plain JSON.", "<script> 加载失败；直接请求时 /oauth2/authorize2 以纯 JSON 返回 400。"),
    cause: l("callback is required: without it there is no function to call, so the mock cannot answer JavaScript.", "callback 是必须的：没有它就没有可调用的函数，模拟服务器无法返回 JavaScript。"),
    fix: l("Add callback=<your function>, or use jQuery's dataType: 'jsonp', which adds one.", "加上 callback=<你的函数>，或使用 jQuery 的 dataType: 'jsonp'，它会自动添加。"),
    source: "| callback | 必须，自定义JavaScript函数，建议使用jsonP来做。|",
    failingStep: "jsonp-raw",
    script: [{ kind: "edit", step: "jsonp-raw", param: "callback", value: "" }, { kind: "run", step: "jsonp-raw" }],
  },
  {
    id: "jsonp-bad-callback",
    shows: "JavaScript identifier path",
    title: l("JSONP callback that is not a function name", "JSONP 的 callback 不是函数名"),
    symptom: l("callback=alert(1)// is answered 400 in plain JSON, and the value is not echoed.", "callback=alert(1)// 以纯 JSON 返回 400，且不回显该值。"),
    cause: l("The callback must be a JavaScript identifier path; anything else could inject script into the answer.", "callback 必须是 JavaScript 标识符路径；其他内容可能向返回中注入脚本。"),
    fix: l("Use letters, digits, _ and $, dot-separated (myfun, ns.cb).", "使用字母、数字、_ 与 $，可用点分隔（myfun、ns.cb）。"),
    source: "| callback | 必须，自定义JavaScript函数，建议使用jsonP来做。|",
    failingStep: "jsonp-raw",
    script: [{ kind: "edit", step: "jsonp-raw", param: "callback", value: "alert(1)//" }, { kind: "run", step: "jsonp-raw" }],
  },
  {
    id: "jsonp-placeholder-apikey",
    shows: "invalid_client",
    title: l("The document's APIKEY placeholder in JSONP", "JSONP 中照抄文档的 APIKEY 占位符"),
    symptom: l("The callback is called with {error: \"invalid_client\", error_code: 21329, …} instead of a token.", "回调收到 {error: \"invalid_client\", error_code: 21329, …}，而不是 token。"),
    cause: l("client_id=APIKEY is the document's placeholder; no such application exists.", "client_id=APIKEY 是文档的占位符；不存在这个应用。"),
    fix: l("Send your application's APIKey as client_id.", "以你的应用的 APIKey 作为 client_id 发送。"),
    source: "http://api.pigai.org/oauth2/authorize2?callback=myfun&response_type=token&client_id=APIKEY&state=xyz",
    failingStep: "jsonp",
    script: [{ kind: "edit", step: "jsonp", param: "client_id", value: "APIKEY" }, { kind: "run", step: "jsonp" }],
  },
  {
    id: "wrong-secret",
    shows: "invalid_client",
    title: l("Wrong App secret (method two)", "App secret 错误（方法二）"),
    symptom: l("POST /oauth2/access_token answers 401 {error: \"invalid_client\", error_code: 21329, …}.", "POST /oauth2/access_token 返回 401 {error: \"invalid_client\", error_code: 21329, …}。"),
    cause: l("client_secret is not the App secret of client_id (here the document's placeholder Your_App_Secret).", "client_secret 不是该 client_id 的 App secret（这里照抄了文档占位符 Your_App_Secret）。"),
    fix: l("Send the App secret assigned at creation.", "发送创建应用时分配的 App secret。"),
    source: '-d "grant_type=client_credentials&client_id=Your_App_Key&client_secret=Your_App_Secret"',
    failingStep: "token",
    script: [{ kind: "edit", step: "token", param: "client_secret", value: "Your_App_Secret" }, { kind: "run", step: "token" }],
  },
  {
    id: "wrong-grant-type",
    shows: "unsupported_grant_type",
    title: l("grant_type other than client_credentials", "grant_type 不是 client_credentials"),
    symptom: l("POST /oauth2/access_token answers 400 unsupported_grant_type, error_code 21329.", "POST /oauth2/access_token 返回 400 unsupported_grant_type，error_code 21329。"),
    cause: l("Method two only supports client_credentials (code copied from another provider sent authorization_code).", "方法二只支持 client_credentials（从其他服务商抄来的代码发送了 authorization_code）。"),
    fix: l("Send grant_type=client_credentials.", "发送 grant_type=client_credentials。"),
    source: "| grant_type | 必须，值为`client_credentials` |",
    failingStep: "token",
    script: [{ kind: "edit", step: "token", param: "grant_type", value: "authorization_code" }, { kind: "run", step: "token" }],
  },
  {
    id: "expired-token",
    shows: "expired_token",
    title: l("Token older than 2 hours", "token 超过 2 小时"),
    symptom: l("The protected call (assumed) answers 401 expired_token.", "受保护调用（推测）返回 401 expired_token。"),
    cause: l("Tokens live 7200 seconds; the virtual clock moved past it. The document has no refresh token.", "token 有效期 7200 秒；虚拟时钟已拨过。文档没有 refresh token。"),
    fix: l("Fetch a new token with either method.", "用任一方法重新获取 token。"),
    source: "| expires_in | 过期时间限制，默认为2个小时。 |",
    failingStep: "resource",
    script: [{ kind: "run", step: "token" }, { kind: "advanceClock", seconds: 7201 }, { kind: "run", step: "resource" }],
  },
];
