import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { easemobContract } from "./contract.ts";
import { easemobFlow } from "./flow.ts";
import { DOC_TTL, tokenParam, ttlOption } from "./flow/params.ts";
import { easemobMeta } from "./meta.ts";
import { EASEMOB_SETTINGS } from "./mock/fixtures.ts";
import { easemobScenarios } from "./scenarios.ts";

/** Seed 002, from shared/ beside the repository (or beside the worktrees' folder). */
const seedsDir = [process.env.SEEDS_DIR, resolve(import.meta.dirname, "../../../../shared/seeds"), resolve(import.meta.dirname, "../../../../../shared/seeds")].find((d) => d && existsSync(d));
const document = readFileSync(resolve(seedsDir ?? "shared/seeds", easemobContract.sourceDocument), "utf8");

const step = (id: string) => easemobFlow.steps.find((s) => s.id === id)!;
const quirk = (id: string) => easemobContract.quirks.find((q) => q.id === id)!;
const scenario = (id: string) => easemobScenarios.find((s) => s.id === id)!;

describe("Easemob's explanations say what seed 002 says", () => {
  it('ttl: the table says Long, the curl sends the string "1024000", and the answer has the number', () => {
    expect(document).toMatch(/\| `ttl` +\| Long +\| 否/);
    expect(document).toContain(`"ttl": "${DOC_TTL}"`);
    expect(document).toContain(`"expires_in": ${DOC_TTL},`);
    expect(quirk("ttl-string").title.en).toBe(`ttl is a Long, but the example sends the string "${DOC_TTL}"`);
    expect(quirk("ttl-string").detail.en).toContain(`(${DOC_TTL} in the document's example)`);
    expect(ttlOption.choices.find((c) => c.value === "string")!.label.en).toContain(`"${DOC_TTL}"`);
  });

  it("ttl 0 means never expires, as the document says, not “expire at once”", () => {
    expect(document).toContain("若设置为 `0`，则 token 永久有效。");
    expect(ttlOption.choices.find((c) => c.value === "zero")!.label).toEqual({ en: "0 (never expires)", zh: "0（永久有效）" });
    expect(quirk("ttl-zero-forever").title.zh).toBe("ttl 为 0 表示 token 永久有效");
  });

  it("the document's ttl in days is right", () => {
    const days = (Number(DOC_TTL) / 86_400).toFixed(1);
    expect(days).toBe("11.9");
    expect(step("users").explain.en).toContain(`the document's ${DOC_TTL} s is about ${days} days`);
    expect(step("users").explain.zh).toContain(`文档中的 ${DOC_TTL} 秒约为 ${days} 天`);
  });

  it("the header scheme is not in the document, and every place that names Bearer says so", () => {
    expect(document).not.toMatch(/Bearer|Authorization/);
    expect(easemobMeta.summary.en).toContain("as Authorization: Bearer, which this document does not spell out");
    expect(easemobMeta.summary.zh).toContain("Authorization: Bearer，本文档未写明");
    expect(tokenParam.explain.en).toContain("not in the document");
    expect(step("users").explain.en).toContain("the document says the token must be carried, not how: assumed");
  });

  it("401 → fetch a new token, and the ban for too-frequent token requests, are the document's", () => {
    expect(document).toContain("如果发现 token 使用异常，如返回 HTTP 状态码 401，请重新获取新的 token。");
    expect(document).toContain("同一账号发送此请求超过一定频率会被服务器封禁。");
    expect(quirk("token-rate-ban").detail.en).toContain("The document gives neither the threshold nor the ban length.");
  });

  it("the rate-limit numbers the UI quotes are the mock's fixture values", () => {
    const { rate_limit_max_requests: max, rate_limit_window_seconds: window, ban_seconds: ban } = EASEMOB_SETTINGS;
    expect(scenario("token-per-call-ban").cause.en).toContain(`More than ${max} token requests in ${window} s (the mock's fixture values; the document gives none) bans the client for ${ban} s.`);
    expect(scenario("token-per-call-ban").cause.zh).toContain(`${window} 秒内超过 ${max} 次 token 请求`);
    expect(scenario("token-per-call-ban").script.filter((a) => a.kind === "run" && a.step === "token")).toHaveLength(max + 1);
    expect(step("after-ban").explain.en).toContain(`(+${ban / 60} min with the fixtures' ${ban} s)`);
    expect(scenario("still-banned").cause.en).toContain(`(${ban} s here)`);
    expect(scenario("still-banned").symptom.en).toContain(`Retry-After ${ban - 300}`);
  });

  it("what the scenarios borrow from outside the document says so", () => {
    expect(document).not.toMatch(/AppKey|415|x-www-form-urlencoded/);
    expect(scenario("app-not-found").cause.en).toContain("AppKey (org_name#app_name, which this document does not mention)");
    expect(scenario("form-body").cause.en).toContain("the mock refuses a form with 415 (assumed)");
  });

  it("the console's default validity is not in the document, and the mock's default_ttl is 60 days", () => {
    expect(document).toContain("若不传该参数，以 详见环信即时通讯控制台的`用户认证`页面的 token 有效期的设置为准。");
    expect(EASEMOB_SETTINGS.default_ttl).toBe(60 * 86_400);
  });
});
