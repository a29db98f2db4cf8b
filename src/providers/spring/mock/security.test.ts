/** Spring's own security cases; what every provider shares runs in server/security.test.ts from its probes. */
import { describe, expect, it } from "vitest";
import { probeClient } from "../../../../server/kit/probes.ts";
import { mockClient } from "../../../../server/testing.ts";
import { springProbes } from "./probes.ts";

const BASE = "/mock/spring";
const authorize = (fields: Record<string, string>) => `${BASE}/oauth/authorize?${new URLSearchParams(fields).toString()}`;

async function signedIn() {
  const mock = mockClient();
  const cookie = await springProbes.session!(probeClient(mock.app, BASE));
  return { mock, cookie };
}

describe("spring: security details of its own pages and codes", () => {
  it("an approval posted with junk values redirects only to the registered URI, without the junk", async () => {
    const { mock, cookie } = await signedIn();
    const junk = '"><script>alert(1)</script>';
    await mock.get(authorize({ response_type: "code", client_id: "messaging-client", redirect_uri: "http://localhost" }), { cookie });
    const answered = await mock.postForm(`${BASE}/oauth/authorize`, { user_oauth_approval: junk, [`scope.${junk}`]: junk }, { cookie });
    expect(answered.status).toBe(302);
    expect(answered.headers.get("location")).toMatch(/^http:\/\/localhost\?error=access_denied&/);
    expect(answered.headers.get("location")).not.toContain("alert");
  });

  it("shows a reflected client_id in its escaped form", async () => {
    const { mock, cookie } = await signedIn();
    const shown = await (await mock.get(authorize({ response_type: "code", client_id: '<b>"x"</b>' }), { cookie })).text();
    expect(shown).toContain("&lt;b&gt;&quot;x&quot;&lt;/b&gt;");
  });

  it("a denial keeps the state unchanged", async () => {
    const { mock, cookie } = await signedIn();
    const state = "a b&c=d/é?#%zz\"'<>";
    await mock.get(authorize({ response_type: "code", client_id: "messaging-client", redirect_uri: "http://localhost", state }), { cookie });
    const denied = await mock.postForm(`${BASE}/oauth/authorize`, { user_oauth_approval: "false" }, { cookie });
    expect(new URL(denied.headers.get("location")!).searchParams.get("state")).toBe(state);
  });

  it("refuses, not guesses, a missing redirect_uri when more than one is registered", async () => {
    const { mock, cookie } = await signedIn();
    const none = await mock.get(authorize({ response_type: "code", client_id: "trusted-client" }), { cookie });
    expect(none.status).toBe(400);
    expect(none.headers.get("location")).toBeNull();
  });

  it("a code that failed its first exchange (wrong redirect_uri) is spent too", async () => {
    const { mock } = await signedIn();
    const client = probeClient(mock.app, BASE);
    const code = await springProbes.replay!.code(client);
    const token = (redirect_uri: string) =>
      mock.postForm(`${BASE}/oauth/token`, { grant_type: "authorization_code", code, client_id: "trusted-client", client_secret: "trusted-secret", redirect_uri });
    expect((await token("http://localhost:4173/callback")).status).toBe(400);
    const retry = await token("http://localhost");
    expect(retry.status).toBe(400);
    expect(await retry.json()).toMatchObject({ error: "invalid_grant" });
  });
});
