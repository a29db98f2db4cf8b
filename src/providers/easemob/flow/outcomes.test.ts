import { describe, expect, it } from "vitest";
import { answer, outcomeContext, sent } from "../../../core/wizard/testing.ts";
import type { Fact } from "../../../core/wizard/types.ts";
import type { EasemobFixtures } from "../schemas.ts";
import { afterBanOutcome, banOutcome, cacheOutcome, tokenOutcome, usersOutcome } from "./outcomes.ts";
import type { EasemobValues } from "./values.ts";

const NOW = 1_700_000_000;
const fixtures: EasemobFixtures = {
  clients: [{ org_name: "easemob-demo", app_name: "testapp", client_id: "YXA6i-Ak8Ol4Eei2l11ZjV-EAg", client_secret: "YXA6VunqiNxoB7IwXHInk1cGiXOOJfc", application: "8be0", redirect_uris: [] }],
  users: [],
  settings: { default_ttl: 604800, rate_limit_max_requests: 5, rate_limit_window_seconds: 60, ban_seconds: 600 },
};
const ctx = (values: EasemobValues = {}, params: Record<string, string> = {}, options: Record<string, string> = {}) =>
  outcomeContext<EasemobValues, EasemobFixtures>({ values, fixtures, now: NOW, params: { org_name: "easemob-demo", app_name: "testapp", ...params }, options: { ttl: "string", ...options } });

/** Seed 002's 响应示例. */
const TOKEN = { access_token: "YWMte3bGuOukEeiTkNP4grL7iw", expires_in: 1024000, application: "8be024f0-e978-11e8-b697-5d598d5f8402" };
const ERROR = (error: string, status: number) => sent(status, { error, exception: "x", timestamp: NOW, duration: 0, error_description: `${error} described` });
const fact = (facts: Fact[] | undefined, label: string) => facts?.find((f) => (typeof f.label === "string" ? f.label : f.label.en) === label);

describe("easemob outcomes", () => {
  it("token: the documented answer gives the token, its expiry on the virtual clock, and where the documented URL went", () => {
    const outcome = tokenOutcome(answer([sent(200, TOKEN)]), ctx({ host: "a1.easemob.com" }, { ttl: "1024000" }));
    expect(outcome.status).toBe("success");
    expect(outcome.values).toEqual({ access_token: TOKEN.access_token, expires_in: 1024000, token_expires_at: NOW + 1024000, ttl: "1024000", ttl_style: "string" });
    expect(fact(outcome.facts, "expires_in (number)")?.expiresAt).toBe(NOW + 1024000);
    expect(fact(outcome.facts, "Documented URL")?.value).toBe("https://a1.easemob.com/easemob-demo/testapp/token");
    expect(fact(outcome.facts, "In the playground")?.value).toBe("http://localhost:4173/mock/demo/easemob-demo/testapp/token");
  });

  it("token: ttl 0 never expires — a typed value, not a \"0\" sentinel", () => {
    const outcome = tokenOutcome(answer([sent(200, { ...TOKEN, expires_in: 0 })]), ctx({}, {}, { ttl: "zero" }));
    expect(outcome.values?.token_expires_at).toBe("never");
    expect(fact(outcome.facts, "expires_in (number)")?.expiresAt).toBe("never");
    expect(outcome.summary.en).toContain("never expires");
    expect(outcome.quirks).toEqual(["ttl-zero-forever"]);
  });

  it("token: left out, the fixture's default_ttl is shown as the console's setting", () => {
    const outcome = tokenOutcome(answer([sent(200, TOKEN)]), ctx({}, {}, { ttl: "omit" }));
    expect(fact(outcome.facts, "default_ttl (fixtures)")?.value).toBe("604800");
    expect(outcome.quirks).toEqual(["ttl-absent-console-default"]);
  });

  it.each([
    [401, "invalid_client"],
    [400, "unsupported_grant_type"],
    [404, "organization_application_not_found"],
    [415, "unsupported_media_type"],
    [429, "reach_limit"],
  ])("token: %i %s is an error in Easemob's envelope, with the description", (status, error) => {
    const outcome = tokenOutcome(answer([ERROR(error, status)]), ctx());
    expect(outcome.status).toBe("error");
    expect(outcome.summary.en).toBe(`${error}: ${error} described`);
    expect(outcome.values).toBeUndefined();
  });

  it("token: a 200 that is not the documented answer is an error, not a token", () => {
    const outcome = tokenOutcome(answer([sent(200, { access_token: 42 })]), ctx());
    expect(outcome.status).toBe("error");
    expect(outcome.summary.en).toMatch(/not what the document shows — access_token/);
  });

  it("users: 401 → new token → retry keeps the new token and says so", () => {
    const exchanges = [ERROR("unauthorized", 401), sent(200, { ...TOKEN, access_token: "fresh" }), sent(200, { count: 1, entities: [{ username: "user1" }] }, { method: "GET" })];
    const outcome = usersOutcome(answer(exchanges), ctx({}, {}, { retry: "on" }));
    expect(outcome.summary.en).toBe("401 → fetched a new token → retried: 200 (3 requests).");
    expect(outcome.values).toEqual({ access_token: "fresh", expires_in: 1024000, token_expires_at: NOW + 1024000 });
    expect(fact(outcome.facts, "new expires_in")?.expiresAt).toBe(NOW + 1024000);
    expect(fact(outcome.facts, "entities[].username")?.value).toBe("user1");
  });

  it("users: with the retry off, a 401 is shown with the document's cue", () => {
    const outcome = usersOutcome(answer([ERROR("unauthorized", 401)]), ctx({}, {}, { retry: "off" }));
    expect(outcome.status).toBe("error");
    expect(outcome.quirks).toEqual(["401-refetch"]);
  });

  it("cache: a token that never expires is used as it is, without a token request", () => {
    const outcome = cacheOutcome(answer([sent(200, { count: 0, entities: [] }, { method: "GET", url: "http://x/easemob-demo/testapp/users" })]), ctx({}, { access_token: "t", token_expires_at: "never", refresh_margin: "3600" }));
    expect(outcome.summary).toEqual({ en: "Used the cached token: no new token requested; 1 API request sent.", zh: "使用缓存的 token：未请求新 token；只发送了 1 个 API 请求。" });
    expect(fact(outcome.facts, "token requests sent")?.value).toBe("0");
    expect(fact(outcome.facts, "token_expires_at")?.value).toBe("never");
    expect(outcome.values).toBeUndefined();
  });

  it("cache: a token near expiry is replaced first, and the new expiry kept", () => {
    const exchanges = [sent(200, { ...TOKEN, expires_in: 7200 }), sent(200, { count: 0 }, { method: "GET", url: "http://x/easemob-demo/testapp/users" })];
    const outcome = cacheOutcome(answer(exchanges), ctx({}, { access_token: "old", token_expires_at: String(NOW + 60), refresh_margin: "3600" }));
    expect(outcome.summary.en).toMatch(/near expiry: fetched a new one/);
    expect(outcome.values?.token_expires_at).toBe(NOW + 7200);
    expect(fact(outcome.facts, "token_expires_at")?.expiresAt).toBe(NOW + 7200);
  });

  it("ban: counts what succeeded before the 429, and when the ban ends", () => {
    const banned = sent(429, { error: "reach_limit", exception: "x", timestamp: NOW, duration: 0, error_description: "too many" }, { headers: [["Retry-After", "600"]] });
    const outcome = banOutcome(answer([sent(200, TOKEN), sent(200, TOKEN), banned]), ctx());
    expect(outcome.status).toBe("warning");
    expect(outcome.summary.en).toMatch(/^Banned: 2 token requests succeeded, then HTTP 429/);
    expect(fact(outcome.facts, "banned until")).toMatchObject({ value: String(NOW + 600), unixTime: true, expiresAt: NOW + 600 });
    expect(fact(outcome.facts, "ban_seconds")?.value).toBe("600");
  });

  it("after the ban: still 429 until ban_seconds have passed, then a token", () => {
    const still = afterBanOutcome(answer([sent(429, { error: "reach_limit", error_description: "" }, { headers: [["retry-after", "300"]] })]), ctx());
    expect(still.summary.en).toBe("Still banned: 429 reach_limit, Retry-After 300 s.");
    const over = afterBanOutcome(answer([sent(200, TOKEN)]), ctx());
    expect(over.status).toBe("success");
    expect(over.values?.access_token).toBe(TOKEN.access_token);
  });
});
