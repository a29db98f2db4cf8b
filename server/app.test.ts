import { describe, expect, it } from "vitest";
import { createMockApp } from "./app.ts";

const TOKEN = "http://localhost:4173/mock/easemob/easemob-demo/testapp/token";
const body = JSON.stringify({ grant_type: "client_credentials", client_id: "YXA6i-Ak8Ol4Eei2l11ZjV-EAg", client_secret: "YXA6VunqiNxoB7IwXHInk1cGiXOOJfc" });
const statuses = async (mock: ReturnType<typeof createMockApp>, n: number) => {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await mock.app.request(TOKEN, { method: "POST", headers: { "Content-Type": "application/json" }, body })).status);
  return out;
};

describe("createMockApp providerSettings (the bench's way to lift Easemob's rate limit)", () => {
  it("keeps the documented behaviour by default: the 6th token request in a minute is a 429", async () => {
    expect(await statuses(createMockApp(), 7)).toEqual([200, 200, 200, 200, 200, 429, 429]);
  });

  it("lifts the limit with rate_limit_max_requests: null, and shows it in /fixtures", async () => {
    const mock = createMockApp({ providerSettings: { easemob: { rate_limit_max_requests: null } } });
    expect((await statuses(mock, 50)).every((s) => s === 200)).toBe(true);
    const fixtures = await (await mock.app.request("http://localhost:4173/mock/_control/fixtures")).json();
    expect(fixtures.easemob.settings.rate_limit_max_requests).toBeNull();
  });

  it("takes a different limit, and ignores malformed overrides", async () => {
    expect(await statuses(createMockApp({ providerSettings: { easemob: { rate_limit_max_requests: 2 } } }), 3)).toEqual([200, 200, 429]);
    const odd = createMockApp({ providerSettings: { easemob: { rate_limit_max_requests: "lots", ban_seconds: -1 } } });
    expect(await statuses(odd, 6)).toEqual([200, 200, 200, 200, 200, 429]);
  });
});
