import { answerField as field, type MockProbes, type ProbeClient } from "../../../../server/kit/probes.ts";
import {
  openplatformCheckCodeSchema,
  openplatformServerTokenSchema,
  openplatformSimCodeSchema,
  openplatformTicketSchema,
  openplatformUserTokenSchema,
} from "../schemas.ts";
import { OPENPLATFORM_APPS, OPENPLATFORM_USERS } from "./fixtures.ts";

const APP = OPENPLATFORM_APPS[0]!;
const credentials = { app_id: APP.app_id, secret: APP.secret };

/** Simulated: the host app hands the page a login-free code. */
const code = async (client: ProbeClient) => field(await (await client.postForm("/_sim/code", { app_id: APP.app_id })).json(), "code");

const exchange = (client: ProbeClient, value: string) => client.postForm("/OAuth2/token", { ...credentials, grant_type: "authorization_code", code: value });

/** What the fuzzer and the security suite need to reach into the open platform mock. */
export const openplatformProbes: MockProbes = {
  fuzz: {
    paths: ["/_sim/code", "/OAuth2/token", "/OAuth2/server_token", "/OAuth2/ticket", "/OAuth2/checkCode", "/oauth2/token"],
    names: ["app_id", "secret", "grant_type", "code", "access_token", "type", "open_id", "username", "password"],
    values: [APP.app_id, APP.secret, "authorization_code", "js_ticket", "access_token", ...OPENPLATFORM_USERS.flatMap((u) => [u.username, u.password, u.open_id])],
    authorizations: [],
    answers: [openplatformUserTokenSchema, openplatformServerTokenSchema, openplatformTicketSchema, openplatformCheckCodeSchema, openplatformSimCodeSchema],
    async seed(client) {
      const userToken = field(await (await exchange(client, await code(client))).json(), "data.access_token");
      const serverToken = field(await (await client.postForm("/OAuth2/server_token", credentials)).json(), "data.access_token");
      const ticket = field(await (await client.postForm("/OAuth2/ticket", { app_id: APP.app_id, access_token: serverToken, type: "js_ticket" })).json(), "data.ticket");
      return { values: [await code(client), userToken, serverToken, ticket] };
    },
  },
  pages: [],
  redirects: [],
  jsonp: [],
  bodyCap: [{ path: "/OAuth2/token", contentType: "application/x-www-form-urlencoded" }],
  replay: {
    code,
    exchange,
    async use(client, issued) {
      const check = await client.postForm("/OAuth2/checkCode", { app_id: APP.app_id, type: "access_token", code: field(issued, "data.access_token"), open_id: field(issued, "data.open_id") });
      return field(await check.json(), "status") === "2000";
    },
  },
};
