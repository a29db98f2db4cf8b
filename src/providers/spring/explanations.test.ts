import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { outcomeContext } from "../../core/wizard/testing.ts";
import { springContract } from "./contract.ts";
import { springFlow } from "./flow.ts";
import type { SpringValues } from "./flow/values.ts";
import type { SpringFixtures } from "./schemas.ts";

/** Seed 001, from shared/ beside the repository (or beside the worktrees' folder). */
const seedsDir = [process.env.SEEDS_DIR, resolve(import.meta.dirname, "../../../../shared/seeds"), resolve(import.meta.dirname, "../../../../../shared/seeds")].find((d) => d && existsSync(d));
const document = readFileSync(resolve(seedsDir ?? "shared/seeds", springContract.sourceDocument), "utf8");

const quirk = (id: string) => springContract.quirks.find((q) => q.id === id)!;
const step = (id: string) => springFlow.steps.find((s) => s.id === id)!;

describe("Spring's explanations say what seed 001 says", () => {
  it("the documented answers are the document's example bodies, value for value", () => {
    for (const answer of springContract.answers ?? []) {
      for (const [field, value] of Object.entries(answer.example)) expect(document, `${field}: ${JSON.stringify(value)}`).toContain(`"${field}": ${JSON.stringify(value)}`);
    }
  });

  it("the misspelt client id is in the second curl example, and the UI says so", () => {
    const curls = document.split("\n").filter((line) => line.includes("# curl") && line.includes("grant_type=authorization_code"));
    expect(curls.map((line) => line.includes("client_id=messging-client"))).toEqual([false, true]);
    expect(quirk("client-id-typo").title.en).toContain("second curl example");
    const clientId = step("token").params!.find((p) => p.name === "client_id")!;
    const refusal = clientId.check!("messging-client", outcomeContext<SpringValues, SpringFixtures>({ values: {}, fixtures: { clients: [], users: [], settings: { access_token_validity: 43_200, refresh_token_validity: 2_592_000, code_validity: 300 } } }))!;
    expect(refusal.en).toContain("the document's second curl example misspells it as messging-client");
    expect(refusal.zh).toContain("文档的第二个 curl 示例");
  });

  it("expires_in 43199 is turned into hours, minutes and seconds correctly", () => {
    const documented = Number(/"expires_in": (\d+),/.exec(document)![1]);
    const [h, m, s] = [Math.floor(documented / 3600), Math.floor((documented % 3600) / 60), documented % 60];
    const detail = quirk("expires-in-43199").detail;
    expect(detail.en).toContain(`${documented} seconds is ${h} h ${m} min ${s} s`);
    expect(detail.zh).toContain(`${documented} 秒即 ${h} 小时 ${m} 分 ${s} 秒`);
    expect(detail.en).toContain("12 hours (43200 s)");
  });

  it('token_type is the lower-case "bearer" in both of the document\'s answers', () => {
    expect(document.match(/"token_type": "bearer"/g)).toHaveLength(2);
    expect(document).not.toContain('"token_type": "Bearer"');
  });

  it("what the document leaves out is marked as not in it", () => {
    expect(step("callback").explain.en).toMatch(/denies \(not in the document\), Spring sends error=access_denied/);
    expect(step("token").explain.en).toContain("A code works once (not in the document");
    expect(step("token").explain.zh).toContain("授权码只能用一次（文档中没有");
    expect(document).not.toMatch(/access_denied|trusted-client|Basic|state=/);
    expect(step("client").explain.en).toContain("trusted-client, which is not in the document");
    expect(step("resource").badges).toContain("assumed");
  });
});
