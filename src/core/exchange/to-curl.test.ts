import { describe, expect, it } from "vitest";
import type { RawRequest } from "./exchange.ts";
import { toCurl } from "./to-curl.ts";

// What bash makes of these lines is checked in src/app/shell-lines.test.ts (it runs bash).

describe("toCurl", () => {
  it("replays method, headers, body and URL, dropping what the browser adds", () => {
    const request: RawRequest = {
      method: "POST",
      url: "http://localhost:4173/mock/spring/oauth/token",
      headers: [
        ["content-type", "application/x-www-form-urlencoded"],
        ["user-agent", "Chrome"],
        ["sec-fetch-mode", "cors"],
      ],
      body: "grant_type=authorization_code&code=W636oE",
    };
    expect(toCurl(request)).toBe(
      "curl -X POST -H 'content-type: application/x-www-form-urlencoded' --data-raw 'grant_type=authorization_code&code=W636oE' 'http://localhost:4173/mock/spring/oauth/token'",
    );
  });

  it("quotes every part, the method included", () => {
    expect(toCurl({ method: "POST;touch pwned;#", url: "http://x/", headers: [], body: "a" })).toBe("curl -X 'POST;touch pwned;#' --data-raw a 'http://x/'");
    expect(toCurl({ method: "POST", url: "http://x/", headers: [], body: `{"a":"it's"}` })).toBe(`curl -X POST --data-raw "{\\"a\\":\\"it's\\"}" 'http://x/'`);
  });

  it("leaves -X out of a plain GET", () => {
    expect(toCurl({ method: "GET", url: "http://x/?a=1", headers: [], body: "" })).toBe("curl 'http://x/?a=1'");
  });
});
