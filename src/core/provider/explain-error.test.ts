import { describe, expect, it } from "vitest";
import { l } from "../i18n/localized.ts";
import type { ErrorExplanation } from "./contract.ts";
import { explainError } from "./explain-error.ts";

const explanations: ErrorExplanation[] = [
  { match: { fields: { error: "invalid_grant", error_description: /^Invalid authorization code/ } }, cause: l("code", "code"), fix: l("", "") },
  { match: { status: 401, fields: { error: "invalid_token" } }, cause: l("token", "token"), fix: l("", "") },
  { match: { fields: { status: "4102" } }, cause: l("4102", "4102"), fix: l("", "") },
];

describe("explainError", () => {
  it("matches strings exactly and regular expressions by test", () => {
    expect(explainError(explanations, 400, { error: "invalid_grant", error_description: "Invalid authorization code: W636oE" })?.cause.en).toBe("code");
    expect(explainError(explanations, 400, { error: "invalid_grant", error_description: "Invalid refresh token: x" })).toBeUndefined();
  });

  it("honours the status when given", () => {
    expect(explainError(explanations, 401, { error: "invalid_token" })?.cause.en).toBe("token");
    expect(explainError(explanations, 400, { error: "invalid_token" })).toBeUndefined();
  });

  it("compares numbers and strings by their text, since documents mix them", () => {
    expect(explainError(explanations, 200, { status: 4102 })?.cause.en).toBe("4102");
    expect(explainError(explanations, 200, "not an object")).toBeUndefined();
  });
});

describe("explainError without a status (a pasted body)", () => {
  it("matches whatever status an explanation names", () => {
    expect(explainError(explanations, undefined, { error: "invalid_token" })?.cause.en).toBe("token");
  });
  it("never reads a field from the prototype", () => {
    expect(explainError([{ match: { fields: { constructor: /Object/ } }, cause: l("x", "x"), fix: l("", "") }], 200, {})).toBeUndefined();
  });
});
