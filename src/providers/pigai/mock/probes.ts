import { answerField as field, type MockProbes, type ProbeClient } from "../../../../server/kit/probes.ts";
import { pigaiJsonpTokenSchema, pigaiMeSchema, pigaiServerTokenSchema } from "../schemas.ts";
import { PIGAI_CLIENTS } from "./fixtures.ts";
import { CALLBACK_MAX_LENGTH, CALLBACK_PATTERN } from "./routes.ts";

const CLIENT = PIGAI_CLIENTS[0]!;

/** Method two, exactly as the document's curl. */
const serverToken = async (client: ProbeClient) =>
  field(await (await client.postForm("/oauth2/access_token", { grant_type: "client_credentials", client_id: CLIENT.client_id, client_secret: CLIENT.client_secret })).json(), "access_token");

/** What the fuzzer and the security suite need to reach into the Pigai mock. */
export const pigaiProbes: MockProbes = {
  fuzz: {
    paths: ["/oauth2/authorize2", "/oauth2/access_token", "/api/me", "/oauth2/authorize"],
    names: ["callback", "client_id", "client_secret", "response_type", "state", "grant_type", "_"],
    values: ["myfun", "jQuery3600_1", "ns.cb", "a..b", "1abc", "alert(1)//", CLIENT.client_id, CLIENT.client_secret, "token", "client_credentials", "code"],
    authorizations: ["Bearer ", "Bearer 0000000000000000000000000000000000000000"],
    answers: [pigaiServerTokenSchema, pigaiJsonpTokenSchema, pigaiMeSchema],
    async seed(client) {
      return { authorizations: [`Bearer ${await serverToken(client)}`] };
    },
  },
  pages: [],
  redirects: [],
  jsonp: [{ path: "/oauth2/authorize2", callbackParam: "callback", callback: CALLBACK_PATTERN, callbackMaxLength: CALLBACK_MAX_LENGTH, params: { response_type: "token", client_id: CLIENT.client_id } }],
  bodyCap: [{ path: "/oauth2/access_token", contentType: "application/x-www-form-urlencoded" }],
};
