import { answerField as field, type MockProbes, type ProbeClient } from "../../../../server/kit/probes.ts";
import { ppmessageServiceUserListSchema, ppmessageTokenSchema, ppmessageUserInfoSchema } from "../schemas.ts";
import { PPMESSAGE_USERS, ppmessageClients } from "./fixtures.ts";

const KEFU = ppmessageClients([])[0]!;
const USER = PPMESSAGE_USERS[0]!;
/** The document's example redirect URI, registered with every demo client. */
const REDIRECT = "http://you-site.com";

const authQuery = (fields: Record<string, string>) => new URLSearchParams({ client_id: KEFU.client_id, redirect_uri: REDIRECT, response_type: "code", ...fields }).toString();

/** The 应用授权 form post: email and password with the authorize parameters. */
const signIn = (client: ProbeClient, fields: Record<string, string> = {}) =>
  client.postForm("/ppauth/auth", { client_id: KEFU.client_id, redirect_uri: REDIRECT, response_type: "code", state: "s1", email: USER.email, password: USER.password, ...fields });

const code = async (client: ProbeClient) => new URL((await signIn(client)).headers.get("location") ?? "http://x").searchParams.get("code") ?? "";

const exchange = (client: ProbeClient, value: string) =>
  client.postForm("/ppauth/token", { grant_type: "authorization_code", code: value, client_id: KEFU.client_id, client_secret: KEFU.client_secret, redirect_uri: REDIRECT });

/** What the fuzzer and the security suite need to reach into the PPMessage mock. */
export const ppmessageProbes: MockProbes = {
  fuzz: {
    paths: ["/ppauth/auth", "/ppauth/token", "/api/PP_GET_APP_SERVICE_USER_LIST", "/api/PP_GET_USER_INFO", "/api/PP_NOPE", "/ppauth/", "/api/"],
    names: ["client_id", "client_secret", "redirect_uri", "redirect_id", "response_type", "state", "email", "password", "grant_type", "code", "app_uuid", "user_uuid"],
    values: [KEFU.client_id, KEFU.client_secret, KEFU.api_uuid, USER.user_uuid, REDIRECT, "http://you-site.com/", "http://localhost:4173/callback", USER.email, USER.password, "authorization_code", "code"],
    authorizations: ["OAuth ", "OAuth x", "Bearer x", "oauth  y"],
    pages: /^\/ppauth\/auth$/,
    answers: [ppmessageTokenSchema, ppmessageServiceUserListSchema, ppmessageUserInfoSchema],
    async seed(client) {
      const token = field(await (await exchange(client, await code(client))).json(), "access_token");
      return { authorizations: [`OAuth ${token}`], values: [token, await code(client)] };
    },
  },
  pages: [
    { name: "应用授权 page (state in a hidden field)", status: 200, open: (client, v) => client.get(`/ppauth/auth?${authQuery({ state: v })}`) },
    { name: "应用授权 page after a wrong password (the email typed is shown)", status: 200, open: (client, v) => signIn(client, { email: v, password: "nope", state: v }) },
    { name: "error page: client_id", status: 400, open: (client, v) => client.get(`/ppauth/auth?${authQuery({ client_id: v })}`) },
    { name: "error page: redirect_uri", status: 400, open: (client, v) => client.get(`/ppauth/auth?${authQuery({ redirect_uri: v })}`) },
    { name: "error page: redirect_uri below a registered one", status: 400, open: (client, v) => client.get(`/ppauth/auth?${authQuery({ redirect_uri: `${REDIRECT}/${v}` })}`) },
    { name: "error page: response_type", status: 400, open: (client, v) => client.get(`/ppauth/auth?${authQuery({ response_type: v })}`) },
    { name: "error page: posted client_id", status: 400, open: (client, v) => signIn(client, { client_id: v }) },
    {
      name: "error page: content type of the form post",
      status: 415,
      open: (client, v) => client.request("/ppauth/auth", { method: "POST", headers: { "Content-Type": v.replace(/[^\x20-\x7e]/g, "") }, body: "x=1" }),
    },
  ],
  redirects: [
    { name: "应用授权 page", clientId: KEFU.client_id, attempt: (client, uri, state) => client.get(`/ppauth/auth?${authQuery({ redirect_uri: uri, state })}`) },
    { name: "应用授权 form post", clientId: KEFU.client_id, attempt: (client, uri, state) => signIn(client, { redirect_uri: uri, state }) },
  ],
  jsonp: [],
  bodyCap: [
    { path: "/ppauth/token", contentType: "application/x-www-form-urlencoded" },
    { path: "/api/PP_GET_USER_INFO", contentType: "application/json" },
  ],
  replay: {
    code,
    exchange,
    use: async (client, issued) =>
      (await client.postJson("/api/PP_GET_APP_SERVICE_USER_LIST", { app_uuid: KEFU.api_uuid }, { Authorization: `OAuth ${field(issued, "access_token")}` })).status === 200,
  },
};
