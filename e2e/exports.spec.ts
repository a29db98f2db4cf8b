import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import type { Download, Page } from "@playwright/test";
import { expect, test, workspaceOf } from "./fixtures.ts";
import { ScenarioPanel } from "./pages/scenarios.ts";
import { SpringFlow } from "./pages/spring.ts";
import { TrafficPanel } from "./pages/traffic.ts";
import { WizardPage } from "./pages/wizard.ts";

/** Clicks an export button and reads the file it downloads. */
async function exported(page: Page, button: string): Promise<{ name: string; text: string }> {
  const evidence = page.getByRole("group", { name: "Export evidence" });
  const [download]: [Download, void] = await Promise.all([page.waitForEvent("download"), evidence.getByRole("button", { name: button }).click()]);
  return { name: download.suggestedFilename(), text: await readFile((await download.path())!, "utf8") };
}

/** Runs a shell script (bash, and the real curl it calls); its output. */
const bash = (script: string) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
    execFile("bash", ["--norc", "--noprofile", "-c", script], { env: { PATH: process.env.PATH }, timeout: 10_000 }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })),
  );

test("Support: a failing exchange exported as a redacted HAR and Markdown bundle, the HAR imported back", async ({ page, workspace }) => {
  const flow = new SpringFlow(page, workspace);
  const traffic = new TrafficPanel(page);
  await flow.obtainCode();
  await flow.next();
  await flow.run("Send request");
  await flow.expectOutcome("success");
  await flow.run("Send request"); // the replay fails: invalid_grant
  await flow.expectOutcome("error", "invalid_grant");

  const evidence = page.getByRole("group", { name: "Export evidence" });
  await expect(evidence.getByRole("checkbox", { name: "Redact secrets" })).toBeChecked();

  const [harDownload] = await Promise.all([page.waitForEvent("download"), evidence.getByRole("button", { name: "Export HAR" }).click()]);
  expect(harDownload.suggestedFilename()).toMatch(/^oauth-playground-spring-.*\.har$/);
  const harText = await readFile((await harDownload.path())!, "utf8");
  const har = JSON.parse(harText);
  expect(har.log.version).toBe("1.2");
  expect(har.log.entries.length).toBeGreaterThanOrEqual(6);
  expect(harText).not.toContain("client_secret=secret");
  expect(harText).toMatch(/client_secret=\[redacted#[0-9a-f]{8}\]/);
  const token = har.log.entries.find((e: { response: { content: { text: string } } }) => e.response.content.text.includes("access_token"));
  expect(JSON.parse(token.response.content.text).access_token).toMatch(/^\[redacted#[0-9a-f]{8}\]$/);

  const [mdDownload] = await Promise.all([page.waitForEvent("download"), evidence.getByRole("button", { name: "Support bundle (Markdown)" }).click()]);
  const md = await readFile((await mdDownload.path())!, "utf8");
  expect(md).toContain("# OAuth Playground — Spring Security OAuth2");
  expect(md).toMatch(/## Failing exchange #\d+/);
  expect(md).toContain("invalid_grant");
  expect(md).toContain("**Cause:** The code was already used");
  expect(md).toMatch(/curl \\\n {2}-X POST/);
  expect(md).not.toContain("client_secret=secret");

  // Import the HAR back into the viewer.
  await page.getByLabel("Import HAR").setInputFiles({ name: "evidence.har", mimeType: "application/json", buffer: Buffer.from(harText) });
  await expect(page.getByText(/Viewing an imported HAR/)).toBeVisible();
  await traffic.expectHop(/400 POST \S*\/mock\/spring\/oauth\/token/);
  await page.getByRole("button", { name: "Back to live traffic" }).click();
  await expect(page.getByText(/Viewing an imported HAR/)).toBeHidden();
});

test("Support: a permalink restores the parameters without secrets", async ({ page, context, workspace }) => {
  const flow = new SpringFlow(page, workspace);
  await flow.open("spring", "token");
  await flow.option(/Query string \(the postman example\)/);
  await flow.param("client_id").fill("messging-client");
  await flow.param("client_secret").fill("s3cr3t-value");
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("group", { name: "Export evidence" }).getByRole("button", { name: "Copy permalink" }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain("/spring/token?share=");

  const fresh = await context.newPage();
  await fresh.evaluate(() => localStorage.clear()).catch(() => undefined);
  const other = new SpringFlow(fresh, workspace);
  await fresh.goto(link);
  await expect(other.param("client_id")).toHaveValue("messging-client");
  await expect(other.param("client_secret")).not.toHaveValue("s3cr3t-value");
  await expect(fresh.getByRole("radio", { name: /Query string/ })).toBeChecked();
  await expect(fresh).toHaveURL(/\/spring\/token$/);
});

test("Support: with a seed, a reset replays the same authorization code", async ({ page, workspace }) => {
  const flow = new SpringFlow(page, workspace);
  const seed = page.getByRole("form", { name: "Deterministic mode" });
  const codes: string[] = [];
  for (let round = 0; round < 2; round++) {
    await page.goto(workspace.path("/spring/client"));
    await page.getByRole("button", { name: /^Seed/ }).click();
    await seed.getByLabel("Seed", { exact: true }).fill("20261121");
    await seed.getByRole("button", { name: "Apply seed and reset" }).click();
    // The form closes once the seed is set and the mock reset (in round 2 the seed shows already, before the reset is done).
    await expect(seed).toBeHidden();
    await expect(page.getByTestId("current-seed")).toHaveText("Seed 20261121");
    await flow.obtainCode();
    await flow.next();
    codes.push(await flow.param("code").inputValue());
  }
  expect(codes[0]).toMatch(/^[A-Za-z0-9]{6}$/);
  expect(codes[1]).toBe(codes[0]);
});

test("Support: a reproduced scenario's bundle replays the reported error with curl once its variables are filled in", async ({ page, request, baseURL, workspace }) => {
  const scenarios = new ScenarioPanel(page);
  await page.goto(workspace.path("/spring/client"));
  await scenarios.reproduce("Authorization code used twice");
  // The reproduction ran in a workspace of its own, where the page is now.
  const reproduction = workspaceOf(page);
  expect(reproduction.id).not.toBe(workspace.id);
  // As a support engineer does: export once the failing exchange is in the traffic panel (the stream can trail the step).
  await new TrafficPanel(page).expectHop(/400 POST \S*\/mock\/spring\/oauth\/token/);
  const bundle = await exported(page, "Support bundle (Markdown)");
  expect(bundle.text).toMatch(/## Failing exchange #\d+/);
  expect(bundle.text).toContain(`sends the same request to ${baseURL}${reproduction.base}/mock/spring`);
  expect(bundle.text).toContain("redeems a single-use value (code)");
  const script = /```sh\n([\s\S]*?)\n```/.exec(bundle.text)![1]!;
  expect(script).not.toContain("client_secret=secret");
  expect(script).toMatch(/^CLIENT_SECRET=''/m);

  // What the support engineer fills in: the registered secret, and the code from their own (unredacted) traffic.
  const traffic: Array<{ request: { url: string; body: string }; response: { status: number } }> = await (await request.get(reproduction.control("/traffic"))).json();
  const failed = traffic.filter((e) => e.request.url.endsWith("/oauth/token") && e.response.status === 400).at(-1)!;
  const code = new URLSearchParams(failed.request.body).get("code")!;
  const filled = script.replace("CLIENT_SECRET=''", "CLIENT_SECRET='secret'").replace("CODE=''", `CODE='${code}'`);
  const replay = await bash(`${filled} --silent`);
  expect(replay.stderr).toBe("");
  expect(JSON.parse(replay.stdout)).toEqual({ error: "invalid_grant", error_description: `Invalid authorization code: ${code}` });
});

test("Support: Pigai's JSONP error (HTTP 200) is the failing exchange, highlighted and in the bundle", async ({ page, workspace }) => {
  const scenarios = new ScenarioPanel(page);
  const traffic = new TrafficPanel(page);
  await page.goto(workspace.path("/pigai/client"));
  await scenarios.reproduce("The document's APIKEY placeholder in JSONP");
  const highlighted = traffic.list.getByRole("button").filter({ hasText: "failing exchange" });
  await expect(highlighted).toHaveCount(1);
  await expect(highlighted).toContainText(/200✕\s*GET\s*\S*\/mock\/pigai\/oauth2\/authorize2/);
  const bundle = await exported(page, "Support bundle (Markdown)");
  expect(bundle.text).not.toContain("No failed exchange was recorded");
  expect(bundle.text).toContain("**Failed:** HTTP 200, but the body is the provider's error envelope.");
  expect(bundle.text).toContain("**Cause:** client_id (APIKEY / App key) is unknown");
});

test("Support: an imported HAR that would inject into a shell line, or crash the viewer, is refused with the reason", async ({ page, workspace }) => {
  await page.goto(workspace.path("/spring/client"));
  const entry = (method: string, url: string) => ({ request: { method, url, headers: [] }, response: { status: 200, headers: [], content: { text: "" } } });
  const importHar = (entries: unknown[]) =>
    page.getByLabel("Import HAR").setInputFiles({ name: "evil.har", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ log: { entries } })) });
  await importHar([entry("POST;touch pwned;#", "http://localhost/x")]);
  await expect(page.getByRole("alert")).toHaveText("Entry 1: the method “POST;touch pwned;#” is not an HTTP method.");
  await importHar([entry("GET", "http://localhost/ok"), entry("GET", "http://[bad")]);
  await expect(page.getByRole("alert")).toContainText("Entry 2: the URL “http://[bad” is not an http(s) URL");
  await expect(page.getByRole("heading", { name: /Traffic/ })).toBeVisible();
});

test("Support: the open platform's permalink never carries a js_ticket (previous_ticket included)", async ({ page, context, workspace }) => {
  const flow = new WizardPage(page, workspace);
  await flow.open("openplatform", "rotate");
  const ticket = "36bd5645fbadaf5e3ef4a889f0ac26ee14fa7ab0578e8e0108519a4706f2ab4c";
  await flow.param("previous_ticket").fill(ticket);
  await flow.param("app_id").fill("op-edited");
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("group", { name: "Export evidence" }).getByRole("button", { name: "Copy permalink" }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const payload = Buffer.from(new URL(link).searchParams.get("share")!, "base64url").toString("utf8");
  expect(payload).toContain("op-edited");
  expect(payload).not.toContain(ticket);
  expect(payload).not.toContain("previous_ticket");
  const bundle = await exported(page, "Support bundle (Markdown)");
  expect(bundle.text).not.toContain(ticket);
});
