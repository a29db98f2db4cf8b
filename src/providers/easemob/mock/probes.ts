import { answerField as field, type MockProbes } from "../../../../server/kit/probes.ts";
import { easemobTokenSchema, easemobUsersSchema } from "../schemas.ts";
import { EASEMOB_APPS } from "./fixtures.ts";

const APP = EASEMOB_APPS[0]!;
const PREFIX = `/${APP.org_name}/${APP.app_name}`;

/** What the fuzzer and the security suite need to reach into the Easemob mock. */
export const easemobProbes: MockProbes = {
  fuzz: {
    paths: [`${PREFIX}/token`, `${PREFIX}/users`, `/${APP.org_name}/other/token`, PREFIX, "/x/y/token"],
    names: ["grant_type", "client_id", "client_secret", "ttl", "limit"],
    values: ["client_credentials", "password", APP.client_id, APP.client_secret, "0", "-1", "1e3", "99999999999999999999", "100", "101", "1"],
    authorizations: ["Bearer ", "Bearer YWMtxyz"],
    answers: [easemobTokenSchema, easemobUsersSchema],
    async seed(client) {
      const res = await client.postJson(`${PREFIX}/token`, { grant_type: "client_credentials", client_id: APP.client_id, client_secret: APP.client_secret });
      // Too many token requests get the client banned: then the fuzzer carries on with what it had.
      return res.ok ? { authorizations: [`Bearer ${field(await res.json(), "access_token")}`] } : {};
    },
  },
  pages: [],
  redirects: [],
  jsonp: [],
  bodyCap: [{ path: `${PREFIX}/token`, contentType: "application/json" }],
};
