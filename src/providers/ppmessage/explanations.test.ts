import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { answer, outcomeContext, sent } from "../../core/wizard/testing.ts";
import type { Fact, HttpStep } from "../../core/wizard/types.ts";
import { ppmessageContract } from "./contract.ts";
import { ppmessageFlow } from "./flow.ts";
import type { PpmessageValues } from "./flow/values.ts";
import type { PpmessageFixtures } from "./schemas.ts";

/** Seed 000, from shared/ beside the repository (or beside the worktrees' folder). */
const seedsDir = [process.env.SEEDS_DIR, resolve(import.meta.dirname, "../../../../shared/seeds"), resolve(import.meta.dirname, "../../../../../shared/seeds")].find((d) => d && existsSync(d));
const document = readFileSync(resolve(seedsDir ?? "shared/seeds", ppmessageContract.sourceDocument), "utf8");

const step = (id: string) => ppmessageFlow.steps.find((s) => s.id === id)!;
const param = (stepId: string, name: string) => step(stepId).params!.find((p) => p.name === name)!;
const quirk = (id: string) => ppmessageContract.quirks.find((q) => q.id === id)!;
const fact = (facts: Fact[] | undefined, label: string) => facts?.find((f) => (typeof f.label === "string" ? f.label : f.label.en) === label);

describe("PPMessage's explanations say what seed 000 says", () => {
  it("expires_in: the document's 3600*24 seconds are 86400, i.e. 24 hours, and the token step says so", () => {
    const [, a, b, hours] = /值为`(\d+)\*(\d+)`秒，即(\d+)小时/.exec(document)!.map(Number);
    expect(a! * b!).toBe(86_400);
    expect(a! * b!).toBe(hours! * 3600);
    expect(ppmessageContract.answers![0]!.example.expires_in).toBe(a! * b!);
    const token = step("token") as HttpStep<PpmessageValues, PpmessageFixtures>;
    const outcome = token.outcome(answer([sent(200, { access_token: "t", token_type: "Bearer", expires_in: 86_400 })]), outcomeContext<PpmessageValues, PpmessageFixtures>({ values: {}, fixtures: undefined }));
    const note = fact(outcome.facts, "expires_in (number)")?.note;
    expect(note?.en).toContain(`The document says ${a}*${b} seconds (${a! * b!}), i.e. ${hours} hours`);
    expect(note?.zh).toContain(`文档写的是 ${a}*${b} 秒（${a! * b!}），即 ${hours} 小时`);
    expect(ppmessageContract.errors.find((e) => e.match.fields.error_code === "5")!.cause.en).toContain(`${a}*${b} seconds, i.e. ${hours} hours`);
  });

  it("token_type is Bearer in the table, yet the header scheme is OAuth, and the quirk says both", () => {
    expect(document).toContain("`token_type`     | 表示`token`类型，值为`Bearer`");
    expect(document).toContain('"Authorization": "OAuth xxxxxx"');
    expect(ppmessageContract.answers![0]!.example.token_type).toBe("Bearer");
    expect(quirk("bearer-vs-oauth-scheme").detail.en).toMatch(/token_type "Bearer", yet every API call must send Authorization: OAuth <token>/);
  });

  it('the only error_code the document shows is "0" (a string), and the quirk does not claim it shows none', () => {
    expect([...document.matchAll(/"error_code": ("[^"]*"|\d+)/g)].map((m) => m[1])).toEqual(['"0"']);
    expect(quirk("bearer-vs-oauth-scheme").detail.en).toContain('the document shows only error_code "0", for success');
    expect(quirk("bearer-vs-oauth-scheme").detail.zh).toContain('文档只给出了表示成功的 error_code "0"');
  });

  it("redirect_id is only in the example URL; the table, the login text and the token request say redirect_uri", () => {
    expect(document.match(/redirect_id/g)).toHaveLength(1);
    expect(document).toContain("`redirect_uri`   | 表示重定向`URI`");
    expect(document).toContain("`redirect_uri`    | 重定向uri, 应该和之前的一致");
    expect(quirk("redirect-id").title.en).toBe("The example URL says redirect_id; the parameter is redirect_uri");
  });

  it("the redirect_uri row says “after the token is obtained”, though it is the code that comes back, and the param says so", () => {
    expect(document).toContain("最终获取`token`成功后，PPMessage服务器会把用户导向这个`URI`");
    expect(document).toContain("http://you-site.com?code=xxxxxx&state=xxxx");
    expect(param("authorize", "redirect_uri").explain.zh).toContain("参数表写的是“最终获取token成功后”，其实带回来的是授权码");
  });

  it("grant_type is what the document calls the “token type”, in both languages", () => {
    expect(document).toContain("`grant_type`      | token 类型, 值为`authorization_code`");
    expect(param("token", "grant_type").explain.en).toContain("The document calls it the “token type”");
    expect(param("token", "grant_type").explain.zh).toMatch(/^token 类型，值为 authorization_code/);
  });

  it("what the mock adds to code handling is marked assumed", () => {
    expect(document).not.toMatch(/一次|重放|过期/);
    const replay = ppmessageContract.errors.find((e) => String(e.match.fields.error_description) === String(/^Invalid authorization code/))!;
    expect(replay.cause.en).toContain("On the mock (assumed), a replayed code also revokes");
    expect(ppmessageContract.errors.find((e) => e.match.fields.error === "redirect_uri_mismatch")!.cause.en).toContain("assumed (not in the source document)");
  });
});
