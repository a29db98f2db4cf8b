import { describe, expect, it } from "vitest";
import { l } from "../../../core/i18n/localized.ts";
import { answer, outcomeContext, sent } from "../../../core/wizard/testing.ts";
import type { Fact } from "../../../core/wizard/types.ts";
import type { PigaiFixtures } from "../schemas.ts";
import { jsonpState, payloadOutcome, rawOutcome, serverTokenOutcome } from "./outcomes.ts";
import type { PigaiValues } from "./values.ts";

const NOW = 1_700_000_000;
const fixtures: PigaiFixtures = { clients: [{ client_id: "pg1", client_secret: "s", name: "demo", redirect_uris: [] }], users: [], settings: { access_token_validity: 7200, error_code: 21329, callback_max_length: 64 } };
const ctx = (values: PigaiValues = {}, params: Record<string, string> = { state: "xyz" }) => outcomeContext<PigaiValues, PigaiFixtures>({ values, fixtures, params, now: NOW });
const fact = (facts: Fact[] | undefined, label: string) => facts?.find((f) => (typeof f.label === "string" ? f.label : f.label.en) === label);
/** Seed 003's DEMO answer and failure shape. */
const DEMO = { access_token: "8d734bf19bc9e7b0dbec5642204e7988a05cc222", expires_in: "7200", token_type: "Bearer", state: "xyz" };
const FAILURE = { error: "invalid_client", error_code: 21329, error_description: "no such application" };
const how = l("via a script", "通过脚本");

describe("pigai outcomes", () => {
  it("an error payload carries no state by design, so none is checked; a token payload must carry one", () => {
    expect(jsonpState(FAILURE)).toBeUndefined();
    expect(jsonpState(DEMO)).toBe("xyz");
    expect(jsonpState({ ...DEMO, state: undefined })).toBeNull();
  });

  it('method one: expires_in stays the string "7200" it came as, and is pointed out', () => {
    const outcome = payloadOutcome(DEMO, ctx(), how);
    expect(outcome.status).toBe("success");
    expect(outcome.values).toEqual({ access_token: DEMO.access_token, jsonp_expires_in: "7200" });
    expect(fact(outcome.facts, "expires_in (string)")).toMatchObject({ value: `"7200"`, expiresAt: NOW + 7200 });
    expect(outcome.summary.en).toBe("Token received via a script; state checked.");
  });

  it("method one without a state sent does not claim to have checked one", () => {
    expect(payloadOutcome({ ...DEMO, state: undefined }, ctx({}, {}), how).summary.en).toBe("Token received via a script; no state was sent, so none was checked.");
  });

  it("method one: the document's failure shape through the callback is an error", () => {
    const outcome = payloadOutcome(FAILURE, ctx(), how);
    expect(outcome.status).toBe("error");
    expect(outcome.summary.en).toBe("Pigai answered an error through the callback — invalid_client (error_code 21329): no such application");
  });

  it("method one read as text: the JavaScript call, its content type and the callback name", () => {
    const raw = sent(200, `myfun(${JSON.stringify(DEMO)})`, { method: "GET", headers: [["Content-Type", "application/javascript"], ["X-Content-Type-Options", "nosniff"]] });
    const outcome = rawOutcome(answer([raw]), ctx());
    expect(outcome.summary.en).toBe("The raw answer is JavaScript: myfun({…}).");
    expect(fact(outcome.facts, "callback")?.value).toBe("myfun");
    expect(fact(outcome.facts, "X-Content-Type-Options")?.value).toBe("nosniff");
    expect(rawOutcome(answer([sent(400, { error: "invalid_request", error_code: 21329, error_description: "callback is required" })]), ctx()).summary.en).toMatch(/the callback is not echoed/);
  });

  it("method two: expires_in is the number 7200, compared with method one's string", () => {
    const outcome = serverTokenOutcome(answer([sent(200, { access_token: "3363", expires_in: 7200, token_type: "Bearer", scope: null })]), ctx({ jsonp_expires_in: "7200" }));
    expect(outcome.status).toBe("success");
    expect(fact(outcome.facts, "expires_in (number)")?.expiresAt).toBe(NOW + 7200);
    expect(fact(outcome.facts, "expires_in (method one, JSONP)")?.note?.en).toBe('Same field, other type: in JavaScript "7200" === 7200 is false.');
    expect(fact(outcome.facts, "state")?.value).toEqual({ en: "(absent)", zh: "（未返回）" });
  });

  it("method two: the notes speak of the document, and the summary of this answer (a live server's string expires_in is not called a number)", () => {
    const documented = serverTokenOutcome(answer([sent(200, { access_token: "3363", expires_in: 7200, token_type: "Bearer", scope: null })]), ctx());
    expect(fact(documented.facts, "expires_in (number)")?.note?.en).toBe('The document\'s method two answers the NUMBER 7200; method one\'s JSONP answer, the string "7200".');
    expect(fact(documented.facts, "scope (null)")?.note?.en).toBe("The document's example has scope null; its result table does not list scope.");
    expect(documented.summary.en).toBe("Token issued; expires_in is a number here, and no state comes back.");
    const other = serverTokenOutcome(answer([sent(200, { access_token: "3363", expires_in: "7200", token_type: "Bearer", state: "xyz" })]), ctx());
    expect(other.summary.en).toBe("Token issued; expires_in is a string here (the document's method two has the number 7200), and a state came back, which the document's example does not show.");
    expect(other.summary.zh).toBe("已获得 token；这里 expires_in 是字符串（文档中方法二为数字 7200），还返回了 state，文档示例中没有。");
    expect(fact(payloadOutcome(DEMO, ctx(), how).facts, "expires_in (string)")?.note?.en).toBe('The document\'s method one answers the STRING "7200"; method two, the number 7200. Convert before comparing or adding.');
  });

  it("method two: a 401 in the 21329 envelope is an error", () => {
    const outcome = serverTokenOutcome(answer([sent(401, FAILURE)]), ctx());
    expect(outcome.status).toBe("error");
    expect(outcome.summary.en).toBe("invalid_client (error_code 21329): no such application");
  });
});
