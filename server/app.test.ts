import { describe, expect, it, vi } from "vitest";
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

describe("a handler that throws (a playground bug)", () => {
  it("answers 500 in the provider's own envelope, and the exchange is still recorded", async () => {
    const mock = createMockApp({ providerSettings: { easemob: { rate_limit_max_requests: null } } });
    const boom = () => {
      throw new Error("boom");
    };
    Object.assign(mock.env.random, { hex: boom, base64url: boom });
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const pigai = await mock.app.request("http://localhost:4173/mock/pigai/oauth2/access_token", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "grant_type=client_credentials&client_id=pg5f3c9a1e7b2d4c68&client_secret=e2b7c1d94f6a0385b1c7d2e9f4a6b803",
      });
      expect(pigai.status).toBe(500);
      expect(await pigai.json()).toMatchObject({ error: "server_error", error_code: 21329 });
      const easemob = await mock.app.request(TOKEN, { method: "POST", headers: { "Content-Type": "application/json" }, body });
      expect(easemob.status).toBe(500);
      expect(await easemob.json()).toMatchObject({ error: "server_error", exception: "RuntimeException" });
      expect(quiet).toHaveBeenCalledTimes(2);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(mock.log.list().map((e) => [e.provider, e.response.status])).toEqual([
        ["pigai", 500],
        ["easemob", 500],
      ]);
    } finally {
      quiet.mockRestore();
    }
  });
});

describe("a path nothing serves", () => {
  it("answers 404 in JSON, at the root and in a live workspace alike", async () => {
    const mock = createMockApp();
    const created = await (await mock.app.request("http://localhost:4173/mock/_control/workspaces", { method: "POST" })).json();
    for (const path of ["/nowhere", `${created.base}/spring`]) {
      const res = await mock.app.request(`http://localhost:4173${path}`, { method: "POST" });
      expect(res.status, path).toBe(404);
      expect(await res.json(), path).toMatchObject({ error: "not_found" });
    }
  });
});
