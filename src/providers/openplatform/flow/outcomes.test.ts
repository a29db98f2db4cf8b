import { describe, expect, it } from "vitest";
import { answer, outcomeContext, sent } from "../../../core/wizard/testing.ts";
import type { Fact } from "../../../core/wizard/types.ts";
import { openplatformContract } from "../contract.ts";
import type { OpenplatformFixtures } from "../schemas.ts";
import { checkTicketOutcome, checkTokenOutcome, codeOutcome, rotateOutcome, ticketOutcome, tokenOutcome } from "./outcomes.ts";
import type { OpenplatformValues } from "./values.ts";

const NOW = 1_700_000_000;
const fixtures: OpenplatformFixtures = {
  clients: [{ app_id: "op1", secret: "s", name: "demo", redirect_uris: [] }],
  users: [{ username: "zhangsan", password: "p", open_id: "o" }],
  settings: { code_validity: 300, access_token_validity: 7200, server_token_validity: 7200, ticket_validity: 7200, ticket_rotation_grace: 600 },
};
const ctx = (values: OpenplatformValues = {}, params: Record<string, string> = {}) => outcomeContext<OpenplatformValues, OpenplatformFixtures>({ values, fixtures, params, now: NOW });
const fact = (facts: Fact[] | undefined, label: string) => facts?.find((f) => (typeof f.label === "string" ? f.label : f.label.en) === label);
const failed = (message: string) => sent(200, { status: "4102", message, data: [] });
const TOKEN_DATA = { open_id: "bkNh", access_token: "5cc9", expires_in: 7200, refresh_token: "1503", scope: "sns_base" };

describe("open platform outcomes", () => {
  it("token: status the number 2000, as in the document's example, gives the open_id and a user token", () => {
    const outcome = tokenOutcome(answer([sent(200, { status: 2000, message: "ok", data: TOKEN_DATA })]), ctx());
    expect(outcome.status).toBe("success");
    expect(outcome.summary.en).toBe("Got the user's open_id (status is the number 2000 here).");
    expect(outcome.values).toEqual({ open_id: "bkNh", user_access_token: "5cc9", refresh_token: "1503" });
    expect(fact(outcome.facts, "status (number)")?.value).toBe("2000");
    expect(fact(outcome.facts, "data.expires_in (number)")?.expiresAt).toBe(NOW + 7200);
  });

  it('token: the string "2000" is a success too, and the summary says which it was', () => {
    const outcome = tokenOutcome(answer([sent(200, { status: "2000", message: "ok", data: TOKEN_DATA })]), ctx());
    expect(outcome.status).toBe("success");
    expect(outcome.summary.en).toContain('the string "2000" here');
    expect(fact(outcome.facts, "status (string)")?.value).toBe('"2000"');
  });

  it('token: "4102" with HTTP 200 is a failure, a replayed code explained', () => {
    const outcome = tokenOutcome(answer([failed("authorization_code is invalid")]), ctx());
    expect(outcome.status).toBe("error");
    expect(outcome.summary.en).toMatch(/^status "4102": authorization_code is invalid — the code was already used/);
    expect(outcome.quirks).toEqual(["status-4102-string"]);
    expect(fact(outcome.facts, "data (array)")?.value).toBe("[]");
  });

  it("token: a success status with data that isn't the documented shape is no success", () => {
    expect(tokenOutcome(answer([sent(200, { status: "2000", message: "ok", data: { open_id: 1 } })]), ctx()).status).toBe("error");
  });

  it("the simulated code: plain JSON with an assumed lifetime", () => {
    const outcome = codeOutcome(answer([sent(200, { code: "abc", expires_in: 300 })]), ctx());
    expect(outcome.values).toEqual({ code: "abc" });
    expect(fact(outcome.facts, "expires_in (number)")?.expiresAt).toBe(NOW + 300);
  });

  it("ticket: a user token is refused, and the two kinds of access_token are pointed out", () => {
    const outcome = ticketOutcome(answer([failed("server_access_token is invalid")]), ctx({ user_access_token: "u" }, { access_token: "u" }));
    expect(outcome.summary.en).toBe('status "4102": server_access_token is invalid');
    expect(outcome.quirks).toContain("two-kinds-of-access-token");
  });

  it("checkCode: expires_in is the absolute moment of expiry, never added to now", () => {
    const at = NOW + 600;
    const outcome = checkTicketOutcome(answer([sent(200, { status: "2000", message: "ok", data: { expires_in: at } })]), ctx({ previous_js_ticket: "old" }, { code: "old" }));
    expect(outcome.summary.en).toBe("Valid: the previous ticket expires at the timestamp below.");
    expect(fact(outcome.facts, "data.expires_in (number)")).toMatchObject({ value: String(at), unixTime: true, expiresAt: at });
    expect(fact(outcome.facts, "data.expires_in (number)")?.note?.en).toBe("An absolute Unix timestamp, not a duration.");
  });

  it("checkCode: the previous ticket after its grace is 4102, and the grace is named", () => {
    const outcome = checkTicketOutcome(answer([failed("js_ticket is invalid")]), ctx({ previous_js_ticket: "old" }, { code: "old" }));
    expect(outcome.summary.en).toBe("status \"4102\": js_ticket is invalid — the previous ticket's 10-minute grace is over.");
    expect(outcome.quirks).toContain("ticket-rotation-grace");
  });

  it("checkCode of a user token without open_id: the document's “optional” field turns out required", () => {
    const outcome = checkTokenOutcome(answer([failed("open_id is required when checking a user access_token")]));
    expect(outcome.status).toBe("error");
    expect(outcome.summary.en).toBe('status "4102": open_id is required when checking a user access_token');
  });

  it("rotation: the new ticket, and both tickets' absolute expiries from checkCode", () => {
    const exchanges = [
      sent(200, { status: "2000", message: "ok", data: { ticket: "n".repeat(64), expires_in: 7200 } }),
      sent(200, { status: "2000", message: "ok", data: { expires_in: NOW + 600 } }),
      sent(200, { status: "2000", message: "ok", data: { expires_in: NOW + 7200 } }),
    ];
    const outcome = rotateOutcome(answer(exchanges), ctx({}, { previous_ticket: "o".repeat(64) }));
    expect(outcome.summary.en).toBe("New js_ticket issued; the previous one now expires within 10 minutes.");
    expect(outcome.values).toEqual({ js_ticket: "n".repeat(64), previous_js_ticket: "o".repeat(64) });
    expect(fact(outcome.facts, "previous: checkCode expires_in")?.expiresAt).toBe(NOW + 600);
    expect(fact(outcome.facts, "previous: checkCode expires_in")?.note?.en).toMatch(/^Set to the 10-minute grace/);
    expect(fact(outcome.facts, "new: checkCode expires_in")?.expiresAt).toBe(NOW + 7200);
  });

  it("the contract's checkCode warning gets the arithmetic right: the document's timestamp read as seconds is about 52 years", () => {
    const years = Math.round(1654576906 / (365.25 * 86400));
    const detail = openplatformContract.quirks.find((q) => q.id === "checkcode-absolute-expiry")!.detail;
    expect(detail.en).toContain(`${years} years`);
    expect(detail.zh).toContain(`${years} 年`);
    expect(detail.en).not.toMatch(/thousands/);
  });
});
