import { describe, expect, it } from "vitest";
import { z } from "zod";
import { askedFor, differencesFromDocument, gotBack } from "./differences.ts";
import { realUrl } from "./real-url.ts";

const contract = {
  schemas: { fixtures: z.unknown(), errors: [z.object({ error: z.string(), error_description: z.string() })] },
  answers: [
    {
      request: { method: "POST", path: "/oauth/token", when: { grant_type: "authorization_code" } },
      status: 200,
      format: "json" as const,
      example: { access_token: "a2o1", token_type: "bearer", refresh_token: "uIOk", expires_in: 43199, scope: "read write", application: { name: "x" } },
      fixed: ["token_type", "expires_in", "scope"],
      source: '"access_token": "a2o1",',
    },
  ],
};
const FORM: [string, string][] = [["Content-Type", "application/x-www-form-urlencoded"]];
const tokenRequest = (body = "grant_type=authorization_code&code=abc") => ({ method: "POST", url: "http://localhost:4173/w/abcdEFGH1234/live/spring/oauth/token", headers: FORM, body });
const asked = askedFor(tokenRequest(), "http://localhost:4173/w/abcdEFGH1234/live/spring");
const english = (json: unknown, status = 200) => differencesFromDocument(contract, asked, { status, json })?.map((d) => d.text.en);

describe("differences from the document", () => {
  it("finds the documented answer by method, path below the base and the form's grant_type", () => {
    expect(asked.path).toBe("/oauth/token");
    expect(asked.params.get("grant_type")).toBe("authorization_code");
    const refresh = askedFor(tokenRequest("grant_type=refresh_token"), "http://localhost:4173/w/abcdEFGH1234/live/spring/");
    expect(differencesFromDocument(contract, refresh, { status: 200, json: {} })).toBeUndefined();
    const inQuery = askedFor({ method: "post", url: "http://h/live/spring/oauth/token?grant_type=authorization_code", headers: [], body: "" }, "http://h/live/spring");
    expect(differencesFromDocument(contract, inQuery, { status: 200, json: {} })).toBeDefined();
  });

  it("matches a path template segment by segment, and reads a JSON body's parameters", () => {
    const templated = { ...contract, answers: [{ ...contract.answers[0]!, request: { method: "POST", path: "/{org_name}/{app_name}/token", when: { grant_type: "client_credentials" } } }] };
    const json = (url: string) => askedFor({ method: "POST", url, headers: [["Content-Type", "application/json"]], body: '{"grant_type":"client_credentials","ttl":5}' }, "http://h/live/easemob");
    expect(differencesFromDocument(templated, json("http://h/live/easemob/easemob-demo/testapp/token"), { status: 200, json: {} })).toBeDefined();
    expect(differencesFromDocument(templated, json("http://h/live/easemob/easemob-demo/token"), { status: 200, json: {} })).toBeUndefined();
    expect(differencesFromDocument(templated, json("http://h/live/easemob/a/b/token/x"), { status: 200, json: {} })).toBeUndefined();
  });

  it("says nothing when the answer is the document's, whatever the tokens are", () => {
    expect(english({ access_token: "other", token_type: "bearer", refresh_token: "r", expires_in: 43199, scope: "read write", application: { name: "y" } })).toEqual([]);
  });

  it("lists a fixed value that differs, a missing field, a type that differs and an extra field, in both languages", () => {
    const got = { access_token: "t", token_type: "Bearer", expires_in: 3600, scope: "read write", application: { name: 7 }, id_token: "j" };
    const found = differencesFromDocument(contract, asked, { status: 200, json: got })!;
    expect(found.map((d) => d.text.en)).toEqual([
      "token_type is 'Bearer'; the document shows 'bearer'",
      "no refresh_token",
      "expires_in 3600; the document's example is 43199",
      "application.name is a number (7); the document's is a string ('x')",
      "extra field id_token (not in the document's example)",
    ]);
    expect(found[0]!.text.zh).toBe("token_type 是 'Bearer'；文档中是 'bearer'");
    expect(found[2]!.text.zh).toBe("expires_in 为 3600；文档示例为 43199");
    expect(found.map((d) => d.field)).toEqual(["token_type", "refresh_token", "expires_in", "application.name", "id_token"]);
  });

  it("compares expires_in's type: the string \"7200\" where the document has a number", () => {
    expect(english({ access_token: "t", token_type: "bearer", refresh_token: "r", expires_in: "7200", scope: "read write", application: { name: "x" } })).toEqual([
      "expires_in is a string ('7200'); the document's is a number (43199)",
    ]);
  });

  it("holds an error answer to the error envelopes only, and says when it fits none", () => {
    expect(english({ error: "invalid_grant", error_description: "used" }, 400)).toEqual([]);
    expect(english({ message: "nope" }, 500)).toEqual(["The error answer is not in any of the document's error envelopes."]);
  });

  it("says when the status or the format differ", () => {
    expect(english("<html>", 201)).toEqual(["status 201; the document's is 200", "The answer is not the JSON object the document shows."]);
    expect(gotBack({ status: 200, body: 'cb({"a":1})' }).json).toEqual({ a: 1 });
  });
});

describe("the real URL of a relayed request", () => {
  const target = { browserBase: "http://localhost:8090/auth", serverBase: "http://localhost:4173/w/abcdEFGH1234/live/spring", real: "http://localhost:8090/auth" };
  it("maps the relay's base back to the real server's, path and query kept", () => {
    expect(realUrl("http://localhost:4173/w/abcdEFGH1234/live/spring/oauth/token?a=1", target)).toBe("http://localhost:8090/auth/oauth/token?a=1");
  });
  it("leaves a URL alone that is not the relay's, or a mock target", () => {
    expect(realUrl("http://elsewhere/x", target)).toBe("http://elsewhere/x");
    expect(realUrl("http://localhost:4173/mock/spring/oauth/token", { browserBase: "b", serverBase: "http://localhost:4173/mock/spring" })).toBe("http://localhost:4173/mock/spring/oauth/token");
  });
});
