import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { mockClient } from "../../server/testing.ts";
import type { Fixtures } from "../core/api/control.ts";
import { diagnose, diagnoseReplay } from "../core/diagnose/diagnose.ts";
import type { Diagnosis, ProviderEndpoints } from "../core/diagnose/types.ts";
import { documentExample } from "./diagnose-examples.ts";
import { findProvider, loadAllEndpoints, providerEntries } from "./registry.ts";

let providers: ProviderEndpoints[];
let fixtures: Fixtures;
beforeAll(async () => {
  providers = await loadAllEndpoints();
  fixtures = (await (await mockClient().get("/mock/_control/fixtures")).json()) as Fixtures;
});

interface Case {
  /** Exactly these findings, in this order. */
  only?: [severity: "error" | "warning" | "info", message: RegExp][];
  name: string;
  input: string;
  provider?: string;
  endpoint?: string;
  step?: Diagnosis["step"];
  /** Each must match one finding's English message, with the severity given. */
  expect?: [severity: "error" | "warning" | "info", message: RegExp][];
  /** No error-level findings at all. */
  clean?: boolean;
  replay?: { mode: "navigate" | "fetch"; method: string; url: string };
  diff?: { expected: string; actual: string; ops: string };
}

const cases: Case[] = [
  {
    name: "seed 001: authorize URL",
    input: "http://localhost:8090/oauth/authorize?response_type=code&client_id=messaging-client&redirect_uri=http://localhost",
    provider: "spring",
    endpoint: "authorize",
    clean: true,
    replay: { mode: "navigate", method: "GET", url: "/mock/spring/oauth/authorize?response_type=code&client_id=messaging-client&redirect_uri=http%3A%2F%2Flocalhost" },
  },
  {
    name: "seed 001: postman token URL",
    input: "http://localhost:8090/oauth/token?grant_type=authorization_code&code=W636oE&client_id=messaging-client&client_secret=secret&redirect_uri=http://localhost",
    provider: "spring",
    endpoint: "token",
    expect: [
      ["info", /bare URL.*POST/],
      ["info", /Secrets in the query string/],
      ["error", /^code=“W636oE” is the document's example value/],
    ],
    replay: { mode: "fetch", method: "POST", url: "/mock/spring/oauth/token?grant_type=authorization_code&code=W636oE&client_id=messaging-client&client_secret=secret&redirect_uri=http%3A%2F%2Flocalhost" },
  },
  {
    name: "seed 001: first curl (--data-urlencode)",
    input:
      '# curl --data-urlencode "grant_type=authorization_code" --data-urlencode "code=W636oE" --data-urlencode "client_id=messaging-client" --data-urlencode "client_secret=secret" --data-urlencode "redirect_uri=http://localhost" -X POST http://localhost:8090/oauth/token',
    provider: "spring",
    endpoint: "token",
    only: [["error", /^code=“W636oE” is the document's example value/]],
  },
  {
    name: "seed 001: second curl misspells messging-client",
    input: documentExample("001 curl"),
    provider: "spring",
    endpoint: "token",
    expect: [
      ["error", /client_id=“messging-client” is not a registered client/],
      ["error", /^code=“W636oE” is the document's example value/],
    ],
    diff: { expected: "messaging-client", actual: "messging-client", ops: "mess[-a]ging-client" },
    replay: { mode: "fetch", method: "POST", url: "/mock/spring/oauth/token" },
  },
  {
    name: "seed 001: refresh curl",
    input:
      '# curl --data-urlencode "grant_type=refresh_token" --data-urlencode "refresh_token=uIOk2gzINbjYc5SWBvvId_xXWK0" --data-urlencode "client_id=messaging-client" --data-urlencode "client_secret=secret" -X POST http://localhost:8090/oauth/token',
    provider: "spring",
    endpoint: "refresh",
    only: [["error", /^refresh_token=“uIOk2gzINbjYc5SWBvvId_xXWK0” is the document's example value/]],
  },
  {
    name: "seed 001: the second curl with the client id fixed is still not fine (W636oE is the document's code)",
    input: '# curl -X POST -d "grant_type=authorization_code&code=W636oE&client_id=messaging-client&client_secret=secret&redirect_uri=http://localhost" http://localhost:8090/oauth/token',
    provider: "spring",
    endpoint: "token",
    only: [["error", /^code=“W636oE” is the document's example value: the document's server issued it once/]],
  },
  {
    name: "a misspelt client id hides nothing after it: the secret and redirect_uri are checked against the client meant",
    input: "curl -d 'grant_type=authorization_code&code=abc123&client_id=messging-client&client_secret=wrong&redirect_uri=http://localhost/' http://localhost:8090/oauth/token",
    provider: "spring",
    only: [
      ["error", /client_id=“messging-client” is not a registered client/],
      ["info", /assume the client you most likely meant, “messaging-client”/],
      ["error", /client_secret does not match the one registered for “messaging-client”/],
      ["error", /redirect_uri “http:\/\/localhost\/” is not registered/],
    ],
  },
  {
    name: "spring: the document's access token sent as a bearer token",
    input: "curl -H 'Authorization: Bearer a2o1msDxQlL1Ej7YRJF5zmYsL_A' http://localhost:8090/api/me",
    provider: "spring",
    endpoint: "me",
    only: [["error", /^access_token=“a2o1msDxQlL1Ej7YRJF5zmYsL_A” is the document's example value/]],
  },
  {
    name: "seed 001: callback URL",
    input: "http://localhost?code=W636oE",
    provider: "spring",
    step: "callback",
    only: [
      ["info", /A callback to a redirect_uri registered with Spring/],
      ["error", /^code=“W636oE” is the document's example value/],
    ],
  },
  {
    name: "seed 000: authorize example with redirect_id",
    input: documentExample("000 authorize"),
    provider: "ppmessage",
    endpoint: "authorize",
    expect: [
      ["error", /redirect_id is not a documented parameter: did you mean redirect_uri/],
      ["error", /client_id is still the document's placeholder/],
    ],
    replay: { mode: "navigate", method: "GET", url: "/mock/ppmessage/ppauth/auth?state=xxxx&client_id=xxxx&redirect_id=xxxx&response_type=code" },
  },
  {
    name: "seed 000: callback with state",
    input: "http://you-site.com?code=xxxxxx&state=xxxx",
    provider: "ppmessage",
    step: "callback",
    // state=xxxx is fine (any value is), code=xxxxxx is the document's placeholder.
    only: [
      ["info", /A callback to a redirect_uri registered with PPMessage/],
      ["error", /^code is still the document's placeholder “xxxxxx”/],
    ],
  },
  {
    name: "ppmessage: Bearer sent to the API",
    input: `curl -X POST -H 'Content-Type: application/json' -H 'Authorization: Bearer abc123' -d '{"app_uuid":"3d6f41b8-5b1f-11e6-9c4e-acbc32d7e3f1"}' https://ppmessage.com/api/PP_GET_APP_SERVICE_USER_LIST`,
    provider: "ppmessage",
    endpoint: "api",
    expect: [["error", /Authorization uses the Bearer scheme; this provider wants OAuth/]],
  },
  {
    name: "ppmessage: raw HTTP token request with a trailing-slash redirect_uri",
    input: [
      "POST /ppauth/token HTTP/1.1",
      "Host: ppmessage.com",
      "Content-Type: application/x-www-form-urlencoded",
      "",
      "code=abc&client_id=3d6e2a9c-5b1f-11e6-9c4e-acbc32d7e3f1&client_secret=wrong&redirect_uri=http%3A%2F%2Fyou-site.com%2F&grant_type=authorization_code",
    ].join("\r\n"),
    provider: "ppmessage",
    endpoint: "token",
    expect: [
      ["error", /redirect_uri “http:\/\/you-site.com\/” is not registered/],
      ["error", /client_secret does not match/],
    ],
    diff: { expected: "http://you-site.com", actual: "http://you-site.com/", ops: "http://you-site.com[+/]" },
    replay: { mode: "fetch", method: "POST", url: "/mock/ppmessage/ppauth/token" },
  },
  {
    name: "spring: wrong grant_type in a form post",
    input: "curl -d 'grant_type=authorisation_code&code=x&client_id=messaging-client&client_secret=secret&redirect_uri=http://localhost' http://localhost:8090/oauth/token",
    provider: "spring",
    expect: [["error", /grant_type=“authorisation_code” is not allowed/]],
  },
  {
    name: "seed 002: easemob curl (ttl sent as a string)",
    input: documentExample("002 curl"),
    provider: "easemob",
    endpoint: "token",
    clean: true,
    expect: [["warning", /ttl is documented as a number but was sent as a string/]],
    replay: { mode: "fetch", method: "POST", url: "/mock/easemob/easemob-demo/testapp/token" },
  },
  {
    name: "easemob: JSON sent without Content-Type (curl -d default)",
    input: `curl -d '{"grant_type":"client_credentials","client_id":"YXA6i-Ak8Ol4Eei2l11ZjV-EAg","client_secret":"YXA6VunqiNxoB7IwXHInk1cGiXOOJfc"}' http://a1.easemob.com/easemob-demo/testap/token`,
    provider: "easemob",
    expect: [
      ["error", /The body is JSON but Content-Type says form/],
      ["error", /app_name=“testap” \(from the path\)/],
      ["warning", /Header Accept/],
    ],
  },
  {
    name: "seed 003: DEMO JSONP URL",
    input: "http://api.pigai.org/oauth2/authorize2?callback=myfun&response_type=token&client_id=APIKEY&state=xyz",
    provider: "pigai",
    endpoint: "authorize2",
    expect: [["error", /client_id is still the document's placeholder “APIKEY”/]],
    replay: { mode: "fetch", method: "GET", url: "/mock/pigai/oauth2/authorize2?callback=myfun&response_type=token&client_id=APIKEY&state=xyz" },
  },
  {
    name: "seed 003: method two curl ($ curl with a line continuation)",
    input: '$ curl http://api.pigai.org/oauth2/access_token \\\n       -d "grant_type=client_credentials&client_id=Your_App_Key&client_secret=Your_App_Secret"',
    provider: "pigai",
    endpoint: "access_token",
    only: [
      ["error", /^client_id is still the document's placeholder “Your_App_Key”/],
      ["error", /^client_secret is still the document's placeholder “Your_App_Secret”/],
    ],
  },
  {
    name: "seed 003: JSONP answer (expires_in as a string)",
    input: documentExample("003 JSONP"),
    provider: "pigai",
    step: "response",
    expect: [["info", /expires_in/]],
  },
  {
    name: "pigai: server-side answer with expires_in as a string",
    input: '{"access_token":"336342b797d895c2fafcfa547f751bfd326dc168","expires_in":"7200","token_type":"Bearer","scope":null}',
    provider: "pigai",
    step: "response",
    expect: [["warning", /expires_in is a string here; the document gives a number/]],
  },
  {
    name: "pigai: error 21329",
    input: '{"error":"invalid_client","error_code":21329,"error_description":"client_id not found"}',
    provider: "pigai",
    step: "response",
    expect: [["error", /.+/]],
  },
  {
    name: "seed 004: 4102 error body",
    input: documentExample("004 error"),
    provider: "openplatform",
    step: "response",
    expect: [["error", /code/i]],
  },
  {
    name: "seed 004: token success with status as a number",
    input: '{"status": 2000, "message": "ok", "data": {"open_id": "x", "access_token": "y", "expires_in": 7200, "refresh_token": "z", "scope": "sns_base"}}',
    provider: "openplatform",
    step: "response",
    expect: [["warning", /status is a number here; the document gives a string/]],
  },
  {
    name: "spring: raw HTTP error response",
    input: 'HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\n\r\n{"error":"invalid_client","error_description":"Bad client credentials"}',
    step: "response",
    expect: [["error", /client id is unknown or the secret is wrong/]],
  },
  {
    name: "spring: authorize with a trailing-slash redirect_uri (via the mock base)",
    input: "http://localhost:4173/mock/spring/oauth/authorize?response_type=code&client_id=messaging-client&redirect_uri=http://localhost/",
    provider: "spring",
    endpoint: "authorize",
    expect: [["error", /redirect_uri “http:\/\/localhost\/” is not registered/]],
    diff: { expected: "http://localhost", actual: "http://localhost/", ops: "http://localhost[+/]" },
  },
  {
    name: "openplatform: path in the wrong case",
    input: "curl -d 'app_id=op1f45b3c51894531e&secret=8ab9ff00bec358bba1e1a11ae59c9e45&grant_type=authorization_code&code=c' https://open.example.com/oauth2/token",
    provider: "openplatform",
    endpoint: "token",
    expect: [["error", /differs in letter case/]],
  },
];

const render = (ops: { op: string; text: string }[]) => ops.map((o) => (o.op === "same" ? o.text : o.op === "extra" ? `[+${o.text}]` : `[-${o.text}]`)).join("");

describe("diagnose: pasted evidence → findings", () => {
  it.each(cases)("$name", (c) => {
    const d = diagnose(c.input, providers, fixtures);
    const summary = d.findings.map((f) => `${f.severity}: ${f.message.en}`);
    if (c.provider) expect(d.provider?.id, summary.join("\n")).toBe(c.provider);
    if (c.endpoint) expect(d.endpoint?.id).toBe(c.endpoint);
    if (c.step) expect(d.step).toBe(c.step);
    for (const [severity, re] of c.expect ?? []) expect(d.findings.some((f) => f.severity === severity && re.test(f.message.en)), `${severity} ${re} in\n${summary.join("\n")}`).toBe(true);
    if (c.clean) expect(summary.filter((s) => s.startsWith("error"))).toEqual([]);
    if (c.only) {
      expect(d.findings.length, summary.join("\n")).toBe(c.only.length);
      c.only.forEach(([severity, re], i) => expect(`${d.findings[i]!.severity}: ${d.findings[i]!.message.en}`).toMatch(new RegExp(`^${severity}: ${re.source.startsWith("^") ? re.source.slice(1) : `.*${re.source}`}`)));
    }
    if (c.replay) expect({ mode: d.replay?.mode, method: d.replay?.method, url: d.replay?.url }).toEqual(c.replay);
    if (c.diff) {
      const f = d.findings.find((x) => x.diff && x.diff.expected === c.diff!.expected);
      expect(f?.diff?.actual).toBe(c.diff.actual);
      // A misspelt client's fix says what to send, not a question.
      if (/is not a registered client/.test(f?.message.en ?? "")) expect(f?.fix?.en).toBe(`Send the registered “${c.diff.expected}”, the nearest to what was sent.`);
      expect(render(f!.diff!.ops)).toBe(c.diff.ops);
    }
    for (const f of d.findings) expect(f.message.zh).toBeTruthy();
  });
});

describe("diagnose: the replay's answer is judged like pasted evidence", () => {
  const provider = (id: string) => providers.find((p) => p.id === id)!;
  const answer = async (res: Response) => ({ status: res.status, statusText: res.statusText, headers: [...res.headers], body: await res.text() });

  it("a request with no finding is not fine while its replay fails: W636oE gets invalid_grant, explained", async () => {
    const client = mockClient();
    const res = await client.postForm("/mock/spring/oauth/token", "grant_type=authorization_code&code=W636oE&client_id=messaging-client&client_secret=secret&redirect_uri=http://localhost");
    const [finding] = diagnoseReplay(provider("spring"), await answer(res));
    expect(finding).toMatchObject({ severity: "error", source: "code=W636oE : **必须**，授权服务器返回的授权码" });
    expect(finding!.message.en).toBe("The replay failed (HTTP 400): The code was already used, has expired, or was never issued. Codes are single-use.");
    expect(finding!.fix?.en).toMatch(/Go through \/oauth\/authorize again/);
  });

  it("a JSONP error that arrives with HTTP 200 is a failure (Pigai's 21329)", async () => {
    const res = await mockClient().get("/mock/pigai/oauth2/authorize2?callback=myfun&response_type=token&client_id=APIKEY&state=xyz");
    expect(res.status).toBe(200);
    const [finding] = diagnoseReplay(provider("pigai"), await answer(res));
    expect(finding!.severity).toBe("error");
    expect(finding!.message.en).toMatch(/^The replay failed \(HTTP 200\): client_id \(APIKEY \/ App key\) is unknown/);
  });

  it("the open platform's HTTP-200 \"4102\" answer is a failure", async () => {
    const res = await mockClient().postForm("/mock/openplatform/OAuth2/token", "app_id=op1f45b3c51894531e&secret=8ab9ff00bec358bba1e1a11ae59c9e45&grant_type=authorization_code&code=nope");
    expect(res.status).toBe(200);
    expect(diagnoseReplay(provider("openplatform"), await answer(res))[0]!.message.en).toMatch(/^The replay failed \(HTTP 200\): The code is unknown/);
  });

  it("a success says so", async () => {
    const res = await mockClient().postForm("/mock/pigai/oauth2/access_token", "grant_type=client_credentials&client_id=pg5f3c9a1e7b2d4c68&client_secret=e2b7c1d94f6a0385b1c7d2e9f4a6b803");
    expect(diagnoseReplay(provider("pigai"), await answer(res))).toEqual([{ severity: "info", message: { en: "The replay succeeded (HTTP 200).", zh: "重放成功（HTTP 200）。" } }]);
  });
});

describe("diagnose: which wizard step an endpoint is", () => {
  it.each(providerEntries.map((e) => [e.meta.id, e] as const))("%s: every endpoint's flow steps exist in its flow", async (_id, entry) => {
    const [flow, endpoints] = await Promise.all([entry.loadFlow(), entry.loadEndpoints()]);
    const ids = flow.steps.map((s) => s.id);
    for (const endpoint of endpoints.endpoints) for (const step of endpoint.flowSteps ?? []) expect(ids, `${endpoint.id} → ${step}`).toContain(step);
    expect(endpoints.endpoints.some((e) => (e.flowSteps ?? []).length > 0)).toBe(true);
  });

  it("seed 001's step 7 is the wizard's step 4", async () => {
    const flow = await findProvider("spring")!.loadFlow();
    const token = diagnose(documentExample("001 curl"), providers, fixtures).endpoint!;
    expect(token.docSection).toBe("7 获取 token 调用 /oauth/token 接口（POST）");
    expect(flow.steps.findIndex((s) => s.id === token.flowSteps![0]) + 1).toBe(4);
  });
});

/** The source documents sit in shared/ beside the repository (or beside the worktrees' folder). */
const seedsDir = [process.env.SEEDS_DIR, resolve(import.meta.dirname, "../../../shared/seeds"), resolve(import.meta.dirname, "../../../../shared/seeds")].find((d) => d && existsSync(d));

describe("every registered provider declares what is secret and what the document's examples are", () => {
  it.each(providerEntries.map((e) => [e.meta.id, e] as const))("%s", async (_id, entry) => {
    const { contract } = await entry.loadFlow();
    expect(contract.secrets?.fields.length).toBeGreaterThan(0);
    expect(seedsDir, "the source documents (shared/seeds) were not found: set SEEDS_DIR").toBeDefined();
    const document = readFileSync(resolve(seedsDir!, contract.sourceDocument), "utf8");
    for (const example of contract.examples ?? []) {
      expect(document).toContain(example.source);
      expect(example.source).toContain(example.value);
    }
  });

  it.each(providerEntries.map((e) => [e.meta.id, e] as const))("%s: every quirk and error explanation quotes its document verbatim", async (_id, entry) => {
    const { contract } = await entry.loadFlow();
    const document = readFileSync(resolve(seedsDir!, contract.sourceDocument), "utf8");
    for (const quoted of [...contract.quirks.map((q) => q.source), ...contract.errors.flatMap((e) => (e.source ? [e.source] : []))]) expect(document, quoted).toContain(quoted);
  });

  // openplatform's step quotes fold its JSON examples onto one line; that provider was re-read on its own and is left as it is.
  const quotingLineByLine = providerEntries.filter((e) => e.meta.id !== "openplatform");
  it.each(quotingLineByLine.map((e) => [e.meta.id, e] as const))("%s: every step's “from the document” lines are the document's, line by line", async (_id, entry) => {
    const flow = await entry.loadFlow();
    const lines = readFileSync(resolve(seedsDir!, flow.contract.sourceDocument), "utf8").split("\n");
    // Indentation aside (a quoted code block is shown flush left), each shown line is a piece of one of the document's lines.
    const shown = flow.steps.flatMap((step) => (step.doc ?? "").split("\n").map((line) => [step.id, line.trim()] as const)).filter(([, line]) => line);
    expect(shown.filter(([, line]) => !lines.some((l) => l.includes(line))).map(([step, line]) => `${step}: ${line}`)).toEqual([]);
    expect(shown.length).toBeGreaterThan(0);
  });
});

describe("contract texts say what the documents say", () => {
  it("checkCode's quirk gets the arithmetic right: 1654576906 seconds is about 52 years", async () => {
    const { contract } = await findProvider("openplatform")!.loadFlow();
    const quirk = contract.quirks.find((q) => q.id === "checkcode-absolute-expiry")!;
    const years = Math.round(1654576906 / (365.25 * 86400));
    expect(quirk.detail.en).toContain(`about ${years} years`);
    expect(quirk.detail.zh).toContain(`约 ${years} 年`);
  });

  it("PPMessage's error codes other than \"0\" are marked as the mock's: the document gives none", async () => {
    const { contract } = await findProvider("ppmessage")!.loadFlow();
    const coded = contract.errors.filter((e) => "error_code" in e.match.fields);
    expect(coded.length).toBeGreaterThan(5);
    for (const e of coded) {
      expect(e.cause.en, e.cause.en).toContain("assumed (not in the source document)");
      expect(e.cause.zh, e.cause.zh).toContain("推测");
    }
  });
});

describe("diagnose: workspaces", () => {
  it("recognises a workspace's mock URL and replays into the workspace it is asked for", () => {
    const d = diagnose("curl -d 'grant_type=authorization_code&code=abc123&client_id=messaging-client&client_secret=secret&redirect_uri=http://localhost' http://localhost:4173/w/abcdefgh12/mock/spring/oauth/token", providers, fixtures, "abcdefgh12");
    expect(d.endpoint?.id).toBe("token");
    expect(d.replay?.url).toBe("/w/abcdefgh12/mock/spring/oauth/token");
  });
  it("names the provider of a workspace's mock URL whose path it does not document", () => {
    const d = diagnose("curl http://localhost:4173/w/abcdefgh12/mock/spring/oauth/tokens", providers, fixtures, "abcdefgh12");
    expect(d.provider?.id).toBe("spring");
    expect(d.findings[0]?.message.en).toContain("/oauth/tokens");
  });
});
