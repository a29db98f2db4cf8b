import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { pigaiContract } from "./contract.ts";
import { pigaiFlow } from "./flow.ts";
import { pigaiMeta } from "./meta.ts";

/** Seed 003, from shared/ beside the repository (or beside the worktrees' folder). */
const seedsDir = [process.env.SEEDS_DIR, resolve(import.meta.dirname, "../../../../shared/seeds"), resolve(import.meta.dirname, "../../../../../shared/seeds")].find((d) => d && existsSync(d));
const document = readFileSync(resolve(seedsDir ?? "shared/seeds", pigaiContract.sourceDocument), "utf8");
const [methodOne, methodTwo] = document.split("##获取token方法二") as [string, string];

const step = (id: string) => pigaiFlow.steps.find((s) => s.id === id)!;
const quirk = (id: string) => pigaiContract.quirks.find((q) => q.id === id)!;

describe("Pigai's explanations say what seed 003 says", () => {
  it('expires_in: the string "7200" in method one, the number 7200 in method two, as the documented answers have it', () => {
    expect(methodOne.match(/"expires_in":"7200"/g)).toHaveLength(2);
    expect(methodOne).not.toMatch(/"expires_in":7200/);
    expect(methodTwo).toContain('"expires_in":7200,');
    expect(methodTwo).not.toContain('"expires_in":"7200"');
    expect(pigaiContract.answers!.map((a) => a.example.expires_in)).toEqual(["7200", 7200]);
    expect(quirk("expires-in-string-vs-number").title.en).toBe('expires_in is the string "7200" in method one and the number 7200 in method two');
  });

  it("the quirk's JavaScript arithmetic is what JavaScript does", () => {
    const sum = "7200" + 60;
    expect(quirk("expires-in-string-vs-number").detail.en).toContain(`"7200" + 60 is "${sum}"`);
    expect(quirk("expires-in-string-vs-number").detail.zh).toContain(`"7200" + 60 得到 "${sum}"`);
  });

  it("7200 seconds is the document's default of 2 hours, and the UI says 2 h", () => {
    expect(document.match(/过期时间限制，默认为2个小时。/g)).toHaveLength(2);
    expect(7200 / 3600).toBe(2);
    const expired = pigaiContract.errors.find((e) => e.match.fields.error === "expired_token")!;
    expect(expired.cause.en).toContain("7200 seconds, the document's default of 2 hours");
    expect(expired.cause.zh).toContain("7200 秒，即文档所说的默认 2 个小时");
    expect(step("resource").explain.en).toContain("advance the virtual clock by 2 h");
  });

  it("method two's table lists state, though its example (and its request) have none", () => {
    const [example, table] = methodTwo.split("#####返回结果")[1]!.split("|参数名称");
    expect(example).not.toContain("state");
    expect(table).toContain("| state | 带过来的state 防止crsf攻击 |");
    expect(methodTwo.split("#####返回结果")[0]).not.toContain("state");
    expect(quirk("method-two-state").title.en).toBe("Method two's result table lists state, which this flow never returns");
  });

  it("the scope row is not in method two's table, though its example has scope null", () => {
    expect(methodTwo).toContain('"scope":null');
    expect(methodTwo).not.toContain("| scope |");
  });

  it("callback is required, yet the jQuery example sends none: the step says why", () => {
    expect(methodOne).toContain("| callback | 必须，");
    const ajax = methodOne.slice(methodOne.indexOf("$.ajax"), methodOne.indexOf("dataType: 'jsonp'"));
    expect(ajax).not.toContain("callback");
    expect(step("jsonp").explain.en).toContain("its data sends no callback, although the table says callback is required");
    expect(step("jsonp").explain.zh).toContain("示例的 data 里并没有 callback");
  });

  it("the failure envelope's error_code is the number 21329, in both methods, as the summary says", () => {
    expect(document.match(/"error_code": 21329,/g)).toHaveLength(2);
    expect(pigaiMeta.summary.en).toContain("{error, error_code: 21329, error_description}");
  });

  it("the JSONP answer's headers are the mock's: the document names none", () => {
    expect(document).not.toMatch(/Content-Type|nosniff|application\/javascript/i);
    expect(step("jsonp-raw").explain.en).toContain("served by the mock as application/javascript with X-Content-Type-Options: nosniff (the document names no headers)");
  });
});
