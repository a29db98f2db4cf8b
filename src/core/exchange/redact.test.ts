import { describe, expect, it } from "vitest";
import type { Exchange } from "./exchange.ts";
import { keyedFingerprint } from "./fingerprint.ts";
import { collectSecrets, redactExchanges, redactText, secretFieldNames, Secrets } from "./redact.ts";

const fields = secretFieldNames([{ secrets: { fields: ["client_secret", "password", "code", "access_token", "refresh_token", "previous_ticket", "ticket"] } }]);
const LABEL = /\[redacted#[0-9a-f]{8}\]/;

function exchange(request: Partial<Exchange["request"]>, response: Partial<Exchange["response"]> = {}): Exchange {
  return {
    id: 1,
    provider: "spring",
    initiator: "fetch",
    startedAt: 0,
    virtualTime: 0,
    durationMs: 1,
    request: { method: "POST", url: "http://localhost:4173/mock/spring/oauth/token", headers: [], body: "", ...request },
    response: { status: 200, statusText: "OK", headers: [], body: "", ...response },
  };
}
const form = (body: string) => exchange({ headers: [["content-type", "application/x-www-form-urlencoded"]], body });

describe("redaction by what a field is", () => {
  it("redacts a password typed with a space or a !, in form encoding and wherever it shows raw", () => {
    const [login, page] = redactExchanges([form("username=user&password=pass+word%21"), exchange({}, { body: "<p>You typed pass word! as your password</p>" })], fields);
    expect(login!.request.body).toMatch(/^username=user&password=\[redacted#[0-9a-f]{8}\]$/);
    expect(page!.response.body).not.toContain("pass word!");
    expect(page!.response.body).toMatch(LABEL);
  });

  it("reads a form body that has a space anywhere (Pigai's secret after a note)", () => {
    const [e] = redactExchanges([exchange({ body: "grant_type=client_credentials&client_id=pg5f3c9a1e7b2d4c68&client_secret=e2b7c1d94f6a0385b1c7d2e9f4a6b803&note=a b" })], fields);
    expect(e!.request.body).not.toContain("e2b7c1d94f6a0385b1c7d2e9f4a6b803");
    expect(e!.request.body).toContain("client_id=pg5f3c9a1e7b2d4c68");
  });

  it("decodes JSON escapes: an Easemob secret written with \\u006E is still found, and gets the raw value's label", () => {
    const escaped = exchange({ headers: [["content-type", "application/json"]], body: '{"client_secret":"YXA6VunqiNxoB7IwXHI\\u006Ek1cGiXOOJfc"}' });
    const raw = exchange({ headers: [["content-type", "application/json"]], body: '{"client_secret":"YXA6VunqiNxoB7IwXHInk1cGiXOOJfc"}' });
    const [a, b] = redactExchanges([escaped, raw], fields);
    expect(a!.request.body).not.toMatch(/VunqiNxoB7IwXHI/);
    expect(a!.request.body).toBe(b!.request.body);
  });

  it("redacts values of any length where their field stands", () => {
    const [e] = redactExchanges([form("password=abc&code=x")], fields);
    expect(e!.request.body).toMatch(/^password=\[redacted#[0-9a-f]{8}\]&code=\[redacted#[0-9a-f]{8}\]$/);
  });

  it("redacts the open platform's previous_ticket (a js_ticket in its grace period)", () => {
    const [e] = redactExchanges([form("app_id=op1&access_token=t0k3n&type=js_ticket&previous_ticket=36bd5645fbadaf5e3ef4a889f0ac26ee")], fields);
    expect(e!.request.body).not.toContain("36bd5645");
  });

  it("follows one code from the redirect to the token request with the same fingerprint", () => {
    const redirect = exchange({ method: "POST", url: "http://localhost:4173/mock/spring/oauth/authorize" }, { status: 302, headers: [["location", "http://localhost?code=W636oE&state=xyz"]] });
    const [r, t] = redactExchanges([redirect, form("grant_type=authorization_code&code=W636oE&client_id=messaging-client")], fields);
    const label = /code=(\[redacted#[0-9a-f]{8}\])/.exec(t!.request.body)![1]!;
    // In a URL the label's # is escaped, or it would start a fragment.
    expect(r!.response.headers[0]![1]).toBe(`http://localhost?code=${label.replace("#", "%23")}&state=xyz`);
  });

  it("keeps parameter names that equal a secret, and what is not secret", () => {
    const [e] = redactExchanges([exchange({ body: "username=user&password=password" }, { headers: [["content-type", "application/json"]], body: '{"password":"password","token_type":"bearer","expires_in":43199,"scope":null}' })], fields);
    expect(e!.request.body).toMatch(/^username=user&password=\[redacted#[0-9a-f]{8}\]$/);
    expect(JSON.parse(e!.response.body)).toMatchObject({ password: expect.stringMatching(LABEL), token_type: "bearer", expires_in: 43199, scope: null });
  });

  it("redacts Authorization (Basic's password wherever else it shows), Cookie and Set-Cookie", () => {
    const basic = exchange({ headers: [["authorization", `Basic ${btoa("messaging-client:s3cr3t!")}`], ["cookie", "JSESSIONID=ABC123; other=x"]] }, { headers: [["set-cookie", "JSESSIONID=DEF456; Path=/; HttpOnly"]], body: "the secret was s3cr3t!" });
    const [e] = redactExchanges([basic], fields);
    expect(JSON.stringify(e)).not.toMatch(/s3cr3t|ABC123|DEF456|bWVzc2FnaW5n/);
    expect(e!.request.headers[1]![1]).toMatch(/^JSESSIONID=\[redacted#[0-9a-f]{8}\]; other=\[redacted#[0-9a-f]{8}\]$/);
    expect(e!.response.headers[0]![1]).toMatch(/; Path=\/; HttpOnly$/);
  });

  it("finds a known secret in every spelling: percent-encoded in either case, form +, JSON \\/ and \\uXXXX", () => {
    const secrets = Secrets.of(["a/b c&é"]);
    for (const spelled of ["a/b c&é", "a%2Fb%20c%26%C3%A9", "a%2fb%20c%26%c3%a9", "a%2Fb+c%26%C3%A9", "a\\/b c&\\u00e9", "a/b c&\\u00E9"]) expect(redactText(`x ${spelled} y`, secrets), spelled).toMatch(/^x \[redacted#[0-9a-f]{8}\] y$/);
  });

  it("is incremental: collecting only new exchanges adds to what was known, and returns the same set when nothing is new", () => {
    const first = collectSecrets([form("code=one1")], fields);
    const second = collectSecrets([form("code=two2")], fields, first);
    expect([...second.values]).toEqual(["one1", "two2"]);
    expect(collectSecrets([form("code=two2")], fields, second)).toBe(second);
    expect(second.reveal(second.label("two2"))).toBe("two2");
  });
});

describe("fingerprints", () => {
  it("are keyed: stable under one key, unrelated under another (a guessed password cannot be confirmed)", () => {
    const a = keyedFingerprint(new Uint8Array(32).fill(1));
    const b = keyedFingerprint(new Uint8Array(32).fill(2));
    expect(a("secret")).toBe(a("secret"));
    expect(a("secret")).toMatch(/^[0-9a-f]{8}$/);
    expect(a("secret")).not.toBe(b("secret"));
  });

  it("redacting 500 exchanges, then one more, stays cheap", () => {
    const many = Array.from({ length: 500 }, (_, i) => form(`grant_type=authorization_code&code=c${i}x${i}&client_secret=secret&redirect_uri=http%3A%2F%2Flocalhost`));
    const started = performance.now();
    const secrets = collectSecrets(many, fields);
    redactExchanges(many, fields, secrets);
    const all = performance.now() - started;
    const one = performance.now();
    redactExchanges([form("code=new1")], fields, collectSecrets([form("code=new1")], fields, secrets));
    expect(all).toBeLessThan(1500);
    expect(performance.now() - one).toBeLessThan(100);
  });
});
