/**
 * The diagnose page while "Redact secrets" is ticked: what it shows of pasted evidence (the
 * parsed table, the findings, the replay) goes through the screen redaction, with the
 * field names of every registered flow, and hides every secret the evidence carries.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { mockClient } from "../../server/testing.ts";
import type { Fixtures } from "../core/api/control.ts";
import { diagnose } from "../core/diagnose/diagnose.ts";
import { evidenceExchanges, parsedOf, redactFinding, redactFindings, redactParsed, valueNames } from "../core/diagnose/diagnose-redaction.ts";
import type { Diagnosis, Finding, ProviderEndpoints } from "../core/diagnose/types.ts";
import { collectSecrets, Secrets, type SecretFieldNames } from "../core/exchange/redact.ts";
import { onScreen, type ScreenRedaction } from "../core/exchange/screen-redaction.ts";
import { flowSecretFields } from "../core/export/secret-fields.ts";
import { loadAllEndpoints, providerEntries } from "./registry.ts";

let providers: ProviderEndpoints[];
let fixtures: Fixtures;
let fields: SecretFieldNames;
beforeAll(async () => {
  providers = await loadAllEndpoints();
  fixtures = (await (await mockClient().get("/mock/_control/fixtures")).json()) as Fixtures;
  // What RedactionScope gives the page: every flow's secret field names.
  fields = new Set((await Promise.all(providerEntries.map((e) => e.loadFlow()))).flatMap((f) => [...flowSecretFields(f)]));
});

const MISSPELT_CURL =
  '# curl -X POST -d "grant_type=authorization_code&code=W636oE&client_id=messging-client&client_secret=secret&redirect_uri=http://localhost" http://localhost:8090/oauth/token';

/** The page's redaction for one diagnosis (and its replay), as the views receive it. */
function screenFor(d: Diagnosis, revealed: string[] = [], replayed?: Parameters<typeof evidenceExchanges>[1]): ScreenRedaction {
  return { secrets: collectSecrets(evidenceExchanges(d.evidence, replayed), fields), fields, revealed: new Set(revealed) };
}

/** Everything the table and the findings would put on the page, in one text. */
function shownText(d: Diagnosis, screen: ScreenRedaction, extra: Finding[] = []) {
  const table = onScreen(screen, (s, f, l) => redactParsed(parsedOf(d.evidence), s, f, l));
  const findings = onScreen(screen, (s, f, l) => redactFindings({ findings: [...d.findings, ...extra], names: valueNames(d.evidence) }, s, f, l));
  const text = [table.shown.head, ...table.shown.rows.flatMap((r) => [r.where, r.name, r.value]), ...findings.shown.flatMap((f) => [f.message.en, f.message.zh, f.fix?.en, f.fix?.zh, f.source, f.diff?.expected, f.diff?.actual])].join("\n");
  return { text, hidden: [...table.hidden, ...findings.hidden] };
}

describe("the diagnose page, redacted", () => {
  it("hides the pasted client_secret and code in the table and the findings, and names what it hid", () => {
    const d = diagnose(MISSPELT_CURL, providers, fixtures);
    const screen = screenFor(d);
    const { text, hidden } = shownText(d, screen);
    expect(text).not.toContain("W636oE");
    expect(text).not.toMatch(/client_secret\n[^\n]*\bsecret\b/);
    expect(text).toContain(`client_secret\n${screen.secrets.label("secret")}`);
    expect(text).toContain(`code=“${screen.secrets.label("W636oE")}” is the document's example value`);
    // The document's own line holds the same code: it is the same value, so it is hidden too.
    expect(text).toContain(`http://localhost?code=${screen.secrets.label("W636oE")}`);
    // What is not secret stays readable.
    expect(text).toContain("messging-client");
    expect(text).toContain("authorization_code");
    expect(new Set(hidden.map((h) => h.field))).toEqual(new Set(["code", "client_secret"]));
  });

  it("shows a revealed value in clear, and only that one", () => {
    const d = diagnose(MISSPELT_CURL, providers, fixtures);
    const { text } = shownText(d, screenFor(d, ["W636oE"]));
    expect(text).toContain("code=“W636oE” is the document's example value");
    expect(text).not.toMatch(/client_secret\nsecret\b/);
  });

  it("hides a bearer token, HTTP Basic's credentials and a short secret under its own name", () => {
    const d = diagnose("curl -u messaging-client:s3cr3t-basic -H 'Authorization: Bearer a2o1msDxQlL1Ej7YRJF5zmYsL_A' -d 'grant_type=password&password=pw' http://localhost:8090/oauth/token", providers, fixtures);
    const { text } = shownText(d, screenFor(d));
    expect(text).not.toContain("a2o1msDxQlL1Ej7YRJF5zmYsL_A");
    expect(text).not.toContain(btoa("messaging-client:s3cr3t-basic"));
    expect(text).not.toContain("s3cr3t-basic");
    // "pw" is too short to be searched for in free text, but it stands in a secret field.
    expect(text).not.toMatch(/password\npw\b/);
  });

  it("hides the tokens of a pasted answer (JSONP too) and of the replay's answer", () => {
    const jsonp = diagnose('cb({"access_token":"tok-0123456789","expires_in":7200,"nested":{"refresh_token":"ref-0123456789"}})', providers, fixtures);
    expect(shownText(jsonp, screenFor(jsonp)).text).not.toMatch(/tok-0123456789|ref-0123456789/);

    const d = diagnose(MISSPELT_CURL.replace("messging-client", "messaging-client"), providers, fixtures);
    const replayed = {
      request: { method: "POST", url: "/mock/spring/oauth/token", headers: [], body: "" },
      response: { status: 200, statusText: "OK", headers: [["content-type", "application/json"]] as [string, string][], body: '{"access_token":"issued-0123456789"}' },
    };
    const screen = screenFor(d, [], replayed);
    const verdict: Finding = { severity: "info", message: { en: "issued issued-0123456789", zh: "签发 issued-0123456789" } };
    expect(shownText(d, screen, [verdict]).text).not.toContain("issued-0123456789");
  });

  it("drops a character diff's marks when its sides hold a secret (they would spell it), and keeps them otherwise", () => {
    const d = diagnose(MISSPELT_CURL, providers, fixtures);
    const screen = screenFor(d);
    const plain = d.findings.find((f) => f.diff)!;
    expect(onScreen(screen, (s, _f, l) => redactFinding(plain, s, l)).shown.diff).toEqual(plain.diff);
    const secretDiff: Finding = { severity: "error", message: { en: "x", zh: "x" }, diff: { expected: "http://localhost?code=W636oE", actual: "http://localhost/?code=W636oE", ops: [{ op: "same", text: "http://localhost" }] } };
    const shown = onScreen(screen, (s, _f, l) => redactFinding(secretDiff, s, l)).shown.diff!;
    expect(shown.ops).toBeUndefined();
    expect(shown.actual).toBe(`http://localhost/?code=${screen.secrets.label("W636oE")}`);
  });

  it("with redaction off, shows the evidence as parsed (useShown runs the same functions with nothing to hide)", () => {
    const d = diagnose("curl -u messaging-client:s3cr3t-basic -d 'code=W636oE&client_secret=secret' http://localhost:8090/oauth/token", providers, fixtures);
    const asIs = (v: string) => v;
    expect(redactParsed(parsedOf(d.evidence), Secrets.none, new Set(), asIs)).toEqual(parsedOf(d.evidence));
    expect(redactFindings({ findings: d.findings, names: valueNames(d.evidence) }, Secrets.none, new Set(), asIs)).toEqual(d.findings);
  });
});
