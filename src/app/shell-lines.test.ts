/**
 * What a real shell makes of the lines the playground generates: Copy as curl and the
 * support bundle's replay script, run by bash (and the replay by curl, against the mock).
 */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bashCurlWords, bashRun, servedMock } from "../../server/testing.ts";
import type { Exchange } from "../core/exchange/exchange.ts";
import { toCurl } from "../core/exchange/to-curl.ts";
import { supportBundle } from "../core/export/support-bundle.ts";
import type { FlowRecord } from "../core/wizard/store.ts";
import { findProvider } from "./registry.ts";

describe("Copy as curl, through bash", () => {
  it("never runs what an imported request carries", () => {
    const dir = mkdtempSync(join(tmpdir(), "curl-"));
    const line = toCurl({ method: "POST;touch pwned;#", url: "http://x/$(touch url)", headers: [["a`touch header`", "$(touch value)"]], body: "'; touch body; '" });
    expect(bashCurlWords(line, dir)).toEqual([["-X", "POST;touch pwned;#", "-H", "a`touch header`: $(touch value)", "--data-raw", "'; touch body; '", "http://x/$(touch url)"]]);
    for (const file of ["pwned", "url", "header", "value", "body"]) expect(existsSync(join(dir, file))).toBe(false);
  });

  it("gives bash exactly the recorded bytes, whatever they are", { timeout: 30_000 }, () => {
    const text = fc.string({ unit: "binary", maxLength: 40 }).map((s) => s.replace(/\0/g, ""));
    const requests = fc.sample(fc.record({ method: text.filter((s) => s !== "GET"), url: text, name: text, value: text, body: text.filter((s) => s !== "") }), { numRuns: 300, seed: 20261201 });
    const lines = requests.map((r) => toCurl({ method: r.method, url: r.url, headers: [[r.name, r.value]], body: r.body }));
    const runs = bashCurlWords(lines.join("\n"));
    requests.forEach((r, i) => expect(runs[i], lines[i]).toEqual(["-X", r.method, "-H", `${r.name}: ${r.value}`, "--data-raw", r.body, r.url]));
  });
});

let base: string;
let mock: Awaited<ReturnType<typeof servedMock>>["mock"];
let close: () => Promise<void>;

beforeAll(async () => {
  ({ mock, base, close } = await servedMock());
});
afterAll(() => close());

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));
const emptyRecord: FlowRecord = { values: {}, secrets: {}, edits: {}, secretEdits: {}, options: {}, results: {} };

/** A Spring code, the way the document's steps 1–6 get one (the auto-approving client). */
async function springCode(): Promise<string> {
  const authorize = `${base}/mock/spring/oauth/authorize?response_type=code&client_id=trusted-client&redirect_uri=http://localhost`;
  const first = await fetch(authorize, { redirect: "manual" });
  const cookie = first.headers.get("set-cookie")!.split(";")[0]!;
  const login = await fetch(`${base}/mock/spring/login`, { method: "POST", redirect: "manual", headers: { cookie, "content-type": "application/x-www-form-urlencoded" }, body: "username=user&password=password" });
  const session = login.headers.get("set-cookie")?.split(";")[0] ?? cookie;
  const back = await fetch(authorize, { redirect: "manual", headers: { cookie: session } });
  return new URL(back.headers.get("location")!).searchParams.get("code")!;
}

const redeem = (code: string) =>
  fetch(`${base}/mock/spring/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: `grant_type=authorization_code&code=${code}&client_id=trusted-client&client_secret=trusted-secret&redirect_uri=${encodeURIComponent("http://localhost")}`,
  });

async function bundleOf(providerId: string, exchanges: Exchange[]): Promise<string> {
  const flow = await findProvider(providerId)!.loadFlow();
  return supportBundle({ flow, record: emptyRecord, exchanges, locale: "en", clock: undefined, permalink: "http://localhost/x", redact: true });
}

const script = (md: string) => /```sh\n([\s\S]*?)\n```/.exec(md)![1]!;
const fill = (sh: string, values: Record<string, string>) => Object.entries(values).reduce((s, [name, value]) => s.replace(`${name}=''`, `${name}='${value}'`), sh);
const run = (sh: string) => bashRun(`${sh} --silent`);

describe("the support bundle's replay script, run by curl against the mock", () => {
  it("reproduces the reported invalid_grant once its variables are filled in, and a fresh code gets a token", async () => {
    mock.log.clear();
    const code = await springCode();
    expect((await redeem(code)).status).toBe(200);
    expect((await redeem(code)).status).toBe(400);
    await settle();
    const md = await bundleOf("spring", mock.log.list().filter((e) => e.provider === "spring"));
    expect(md).toMatch(/## Failing exchange #\d+/);
    expect(md).toContain("redeems a single-use value (code)");
    const sh = script(md);
    expect(sh).not.toContain("trusted-secret");
    expect(sh).not.toContain(code);
    expect(sh).toMatch(/^CLIENT_SECRET='' {2}# fill in: client_secret \[redacted#[0-9a-f]{8}\]$/m);
    expect(sh).toMatch(/^CODE='' {2}# fill in: code \[redacted#[0-9a-f]{8}\]$/m);

    const unfilled = await run(sh);
    expect(unfilled.status).not.toBe(0);
    expect(unfilled.stderr).toMatch(/(CODE|CLIENT_SECRET): fill in (CODE|CLIENT_SECRET)/);

    const replayed = await run(fill(sh, { CLIENT_SECRET: "trusted-secret", CODE: code }));
    expect(JSON.parse(replayed.stdout)).toMatchObject({ error: "invalid_grant" });
    const fresh = await run(fill(sh, { CLIENT_SECRET: "trusted-secret", CODE: await springCode() }));
    expect(JSON.parse(fresh.stdout)).toMatchObject({ token_type: "bearer" });
  });

  it("keeps a JSON body's shape around a variable (Easemob's wrong secret comes back as reported)", async () => {
    mock.log.clear();
    const wrong = "not-the-secret";
    const body = JSON.stringify({ grant_type: "client_credentials", client_id: "YXA6i-Ak8Ol4Eei2l11ZjV-EAg", client_secret: wrong });
    const reported = await (await fetch(`${base}/mock/easemob/easemob-demo/testapp/token`, { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body })).json();
    await settle();
    const sh = script(await bundleOf("easemob", mock.log.list()));
    expect(sh).not.toContain(wrong);
    const replayed = JSON.parse((await run(fill(sh, { CLIENT_SECRET: wrong }))).stdout);
    expect(replayed.error).toBe(reported.error);
  });

  it("sends HTTP Basic as -u with the password in a variable", async () => {
    mock.log.clear();
    const code = await springCode();
    await redeem(code);
    await fetch(`${base}/mock/spring/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${btoa("trusted-client:wrong-secret")}` },
      body: "grant_type=authorization_code&code=x&redirect_uri=http://localhost",
    });
    await settle();
    const sh = script(await bundleOf("spring", mock.log.list().filter((e) => e.provider === "spring")));
    expect(sh).toContain(`-u 'trusted-client:'"$CLIENT_SECRET"`);
    expect(sh).not.toMatch(/wrong-secret|Basic /);
    const replayed = JSON.parse((await run(fill(sh, { CLIENT_SECRET: "wrong-secret", CODE: "x" }))).stdout);
    expect(replayed.error).toBe("invalid_client");
  });
});
