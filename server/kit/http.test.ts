import { describe, expect, it } from "vitest";
import { basicCredentials } from "./http.ts";

const basic = (pair: string) => `Basic ${Buffer.from(pair).toString("base64")}`;

describe("basicCredentials", () => {
  it("splits id and secret at the first colon", () => {
    expect(basicCredentials(basic("trusted-client:trusted-secret"))).toEqual({ id: "trusted-client", secret: "trusted-secret" });
    expect(basicCredentials(basic("id:se:cret"))).toEqual({ id: "id", secret: "se:cret" });
  });

  it("form-decodes both halves (RFC 6749 §2.3.1)", () => {
    expect(basicCredentials(basic("my%20app:p%3Ass+word"))).toEqual({ id: "my app", secret: "p:ss word" });
  });

  it("keeps a bad escape as sent", () => {
    expect(basicCredentials(basic("app:100%"))).toEqual({ id: "app", secret: "100%" });
  });

  it("tells a malformed header (null) from an absent or other scheme (undefined)", () => {
    expect(basicCredentials(undefined)).toBeUndefined();
    expect(basicCredentials("Bearer abc")).toBeUndefined();
    expect(basicCredentials("Basic !!!")).toBeNull();
    expect(basicCredentials(basic("no-colon"))).toBeNull();
  });
});
