import { describe, expect, it } from "vitest";
import { mockClient } from "./testing.ts";

describe("control API", () => {
  it("reports health", async () => {
    const res = await mockClient().get("/mock/_control/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it("lists every provider's clients and users under their own field names", async () => {
    const body = await (await mockClient().get("/mock/_control/fixtures")).json();
    expect(Object.keys(body).sort()).toEqual(["easemob", "openplatform", "pigai", "ppmessage", "spring"]);
    expect(body.spring.clients[0]).toMatchObject({ client_id: "messaging-client", client_secret: "secret", autoapprove: false });
    expect(body.spring.clients[0].redirect_uris).toContain("http://localhost");
    expect(body.spring.clients[0].redirect_uris).toContain("http://localhost:4173/callback");
    expect(body.spring.clients[1]).toMatchObject({ autoapprove: true });
    expect(body.spring.users).toEqual([{ username: "user", password: "password" }]);
    expect(body.easemob.clients[0]).toMatchObject({ client_id: "YXA6i-Ak8Ol4Eei2l11ZjV-EAg", client_secret: "YXA6VunqiNxoB7IwXHInk1cGiXOOJfc" });
  });

  it("advances the virtual clock and resets it", async () => {
    const mock = mockClient();
    const before = await (await mock.get("/mock/_control/clock")).json();
    expect(before.offset).toBe(0);
    const after = await (await mock.advance(600)).json();
    expect(after.offset).toBe(600);
    expect(after.now - before.now).toBeGreaterThanOrEqual(600);
    await mock.request("/mock/_control/reset", { method: "POST" });
    expect((await (await mock.get("/mock/_control/clock")).json()).offset).toBe(0);
  });

  it("refuses a malformed clock body with a clear 400", async () => {
    const mock = mockClient();
    for (const body of ["{", '{"seconds":"ten"}', "[]"]) {
      const res = await mock.postJson("/mock/_control/clock/advance", body);
      expect(res.status).toBe(400);
      expect((await res.json()).error).toContain("seconds");
    }
  });

  it("records provider traffic (not its own), newest last, and clears it on reset", async () => {
    const mock = mockClient();
    await mock.get("/mock/spring/login");
    await mock.postForm("/mock/spring/oauth/token", "grant_type=x");
    await new Promise((r) => setTimeout(r, 20));
    const traffic = await (await mock.get("/mock/_control/traffic")).json();
    expect(traffic.map((e: { request: { method: string; url: string } }) => `${e.request.method} ${new URL(e.request.url).pathname}`)).toEqual([
      "GET /mock/spring/login",
      "POST /mock/spring/oauth/token",
    ]);
    expect(traffic[1].request.body).toBe("grant_type=x");
    expect(traffic[1].response.status).toBe(401);
    expect(JSON.parse(traffic[1].response.body).error).toBe("unauthorized");
    await mock.request("/mock/_control/reset", { method: "POST" });
    expect(await (await mock.get("/mock/_control/traffic")).json()).toEqual([]);
  });

  it("streams exchanges live as Server-Sent Events", async () => {
    const mock = mockClient();
    const res = await mock.get("/mock/_control/traffic/stream");
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    text += decoder.decode((await reader.read()).value);
    expect(text).toContain("event: ready");
    await mock.get("/mock/spring/login");
    while (!text.includes("event: exchange")) text += decoder.decode((await reader.read()).value);
    expect(text).toContain("/mock/spring/login");
    await reader.cancel();
  });

  it("keeps the traffic log bounded as a ring buffer", async () => {
    const mock = mockClient();
    mock.log.clear();
    for (let i = 0; i < mock.log.capacity + 20; i++) await mock.get(`/mock/spring/login?i=${i}`);
    await new Promise((r) => setTimeout(r, 50));
    const list = mock.log.list();
    expect(list).toHaveLength(mock.log.capacity);
    expect(list.at(-1)!.request.url).toContain(`i=${mock.log.capacity + 19}`);
  });

  it("replays codes and tokens byte for byte with a seed", async () => {
    const run = async () => {
      const mock = mockClient();
      await mock.postJson("/mock/_control/seed", { seed: 42 });
      const first = await mock.get("/mock/spring/oauth/authorize?response_type=code&client_id=trusted-client&redirect_uri=http://localhost");
      return first.headers.get("set-cookie");
    };
    expect(await run()).toBe(await run());
  });
});
