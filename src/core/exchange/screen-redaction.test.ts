import { describe, expect, it } from "vitest";
import type { Exchange } from "./exchange.ts";
import { collectSecrets, redactExchange, redactRequest, secretFieldNames, Secrets } from "./redact.ts";
import { onScreen, secretsCollector, type ScreenRedaction } from "./screen-redaction.ts";

const fields = secretFieldNames([{ secrets: { fields: ["client_secret", "code", "access_token"] } }]);
const form = { method: "POST", url: "http://localhost/mock/spring/oauth/token", headers: [["content-type", "application/x-www-form-urlencoded"]] as [string, string][] };

const token = (id: number, code: string, accessToken: string): Exchange => ({
  id,
  provider: "spring",
  initiator: "fetch",
  startedAt: id,
  virtualTime: 0,
  durationMs: 1,
  request: { ...form, body: `grant_type=authorization_code&code=${code}&client_secret=s3cr3t-value` },
  response: { status: 200, statusText: "OK", headers: [["content-type", "application/json"]], body: JSON.stringify({ access_token: accessToken, note: `issued for ${code}` }) },
});

describe("onScreen", () => {
  const secrets = collectSecrets([token(1, "abcd1234", "tok-0123456789")], fields);
  const screen = (revealed: string[] = []): ScreenRedaction => ({ secrets, fields, revealed: new Set(revealed) });

  it("shows what the exports show: the same function, the same fingerprints", () => {
    const e = token(1, "abcd1234", "tok-0123456789");
    const { shown } = onScreen(screen(), (s, f, l) => redactExchange(e, s, f, l));
    expect(shown).toEqual(redactExchange(e, secrets, fields));
    expect(JSON.stringify(shown)).not.toMatch(/abcd1234|tok-0123456789|s3cr3t-value/);
  });

  it("lists each hidden value once, with the field it stood in", () => {
    const { hidden } = onScreen(screen(), (s, f, l) => redactExchange(token(1, "abcd1234", "tok-0123456789"), s, f, l));
    expect(hidden.map((h) => [h.field, h.label, h.revealed])).toEqual([
      ["code", secrets.label("abcd1234"), false],
      ["client_secret", secrets.label("s3cr3t-value"), false],
      ["access_token", secrets.label("tok-0123456789"), false],
    ]);
  });

  it("shows a revealed value in clear, in its field and in free text, and nothing else", () => {
    const { shown, hidden } = onScreen(screen(["abcd1234"]), (s, f, l) => redactExchange(token(1, "abcd1234", "tok-0123456789"), s, f, l));
    expect(shown.request.body).toBe(`grant_type=authorization_code&code=abcd1234&client_secret=${secrets.label("s3cr3t-value")}`);
    expect(JSON.parse(shown.response.body)).toEqual({ access_token: secrets.label("tok-0123456789"), note: "issued for abcd1234" });
    expect(hidden.find((h) => h.field === "code")?.revealed).toBe(true);
  });

  it("hides a secret field of a request no exchange has shown yet (a step's preview)", () => {
    const preview = { ...form, body: "code=never-sent-1&client_secret=other-secret" };
    const { shown } = onScreen({ secrets: Secrets.none, fields, revealed: new Set() }, (s, f, l) => redactRequest(preview, s, f, l));
    expect(shown.body).not.toMatch(/never-sent-1|other-secret/);
  });
});

describe("secretsCollector", () => {
  it("reads each exchange once and keeps the same Secrets while nothing new turns up", () => {
    const collect = secretsCollector();
    const first = [token(1, "code-aaaa", "token-aaaa")];
    const a = collect(first, fields, Secrets.none);
    expect(a.values.has("token-aaaa")).toBe(true);
    expect(collect([...first], fields, Secrets.none)).toBe(a);
    const b = collect([...first, token(2, "code-bbbb", "token-bbbb")], fields, Secrets.none);
    expect(b).not.toBe(a);
    expect([...b.values]).toEqual(expect.arrayContaining(["code-aaaa", "token-aaaa", "code-bbbb", "token-bbbb"]));
  });

  it("starts again from a new base (the flow's own secrets changed)", () => {
    const collect = secretsCollector();
    const list = [token(1, "code-aaaa", "token-aaaa")];
    collect(list, fields, Secrets.none);
    const withFlow = collect(list, fields, Secrets.of(["held-by-flow"]));
    expect(withFlow.values.has("held-by-flow")).toBe(true);
    expect(withFlow.values.has("token-aaaa")).toBe(true);
  });
});

describe("Secrets grown a batch at a time", () => {
  it("redacts free text exactly as secrets built at once", () => {
    const first = ["token-aaaa", "with space/and+plus"];
    const later = ["token-bbbb", "quote\"d-value"];
    const text = `token-aaaa ${encodeURIComponent("with space/and+plus")} token-bbbb ${JSON.stringify('quote"d-value')} token-cccc`;
    const grown = Secrets.of(first);
    grown.freeText("warm the matcher up");
    expect(grown.with(later).freeText(text)).toBe(Secrets.of([...first, ...later]).freeText(text));
    expect(grown.with(later).freeText(text)).not.toMatch(/token-aaaa|token-bbbb|quote/);
  });
});
