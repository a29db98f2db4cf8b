import { describe, expect, it } from "vitest";
import { toCurl } from "./to-curl.ts";

describe("toCurl", () => {
  it("replays method, headers, body and URL, dropping what the browser adds", () => {
    const curl = toCurl({
      method: "POST",
      url: "http://localhost:4173/mock/spring/oauth/token",
      headers: [
        ["content-type", "application/x-www-form-urlencoded"],
        ["user-agent", "Chrome"],
        ["sec-fetch-mode", "cors"],
      ],
      body: "grant_type=authorization_code&code=W636oE",
    });
    expect(curl).toBe(
      "curl -X POST -H 'content-type: application/x-www-form-urlencoded' --data-raw 'grant_type=authorization_code&code=W636oE' 'http://localhost:4173/mock/spring/oauth/token'",
    );
  });

  it("quotes single quotes so the shell sees the exact bytes", () => {
    const curl = toCurl({ method: "POST", url: "http://x/y", headers: [], body: `{"a":"it's"}` });
    expect(curl).toContain(`--data-raw '{"a":"it'\\''s"}'`);
  });

  it("leaves -X out of a plain GET", () => {
    expect(toCurl({ method: "GET", url: "http://x/?a=1", headers: [], body: "" })).toBe("curl 'http://x/?a=1'");
  });
});
