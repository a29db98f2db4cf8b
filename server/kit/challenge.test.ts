import { describe, expect, it } from "vitest";
import { bodyOnlyNote, challenge, clientAuthMethod, clientChallenge } from "./challenge.ts";

describe("WWW-Authenticate challenges", () => {
  it("keeps parameter values inside their quotes", () => {
    expect(challenge("Bearer", { realm: "oauth", error: 'a"b\\c\u00e9\r\nd', state: undefined })).toBe('Bearer realm="oauth", error="abcd"');
  });

  it("names the scheme the client used", () => {
    expect(clientAuthMethod("Basic abc", true)).toBe("basic");
    expect(clientAuthMethod("basic", false)).toBe("basic");
    expect(clientAuthMethod("Bearer x", true)).toBe("form");
    expect(clientAuthMethod(undefined, false)).toBe("none");
    expect(clientChallenge("basic", "r", "invalid_client", "d")).toBe('Basic realm="r"');
    expect(clientChallenge("form", "r", "invalid_client", "d")).toBe('Form realm="r", error="invalid_client", error_description="d"');
    expect(clientChallenge("none", "r", "unauthorized", "d")).toBe('Bearer realm="r", error="unauthorized", error_description="d"');
  });

  it("notes that Basic is not read only for a missing client credential", () => {
    expect(bodyOnlyNote("Basic abc", "client_id")).toMatch(/body only/);
    expect(bodyOnlyNote("Basic abc", "code")).toBe("");
    expect(bodyOnlyNote(undefined, "client_id")).toBe("");
  });
});
