import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures.ts";
import { SpringFlow } from "./pages/spring.ts";
import { TrafficPanel } from "./pages/traffic.ts";

test("Support: a failing exchange exported as a redacted HAR and Markdown bundle, the HAR imported back", async ({ page }) => {
  const flow = new SpringFlow(page);
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
  expect(harText).toMatch(/client_secret=\[redacted#[0-9a-f]{6}\]/);
  const token = har.log.entries.find((e: { response: { content: { text: string } } }) => e.response.content.text.includes("access_token"));
  expect(JSON.parse(token.response.content.text).access_token).toMatch(/^\[redacted#[0-9a-f]{6}\]$/);

  const [mdDownload] = await Promise.all([page.waitForEvent("download"), evidence.getByRole("button", { name: "Support bundle (Markdown)" }).click()]);
  const md = await readFile((await mdDownload.path())!, "utf8");
  expect(md).toContain("# OAuth Playground — Spring Security OAuth2");
  expect(md).toMatch(/## Failing exchange #\d+/);
  expect(md).toContain("invalid_grant");
  expect(md).toContain("**Cause:** The code was already used");
  expect(md).toContain("curl -X POST");
  expect(md).not.toContain("client_secret=secret");

  // Import the HAR back into the viewer.
  await page.getByLabel("Import HAR").setInputFiles({ name: "evidence.har", mimeType: "application/json", buffer: Buffer.from(harText) });
  await expect(page.getByText(/Viewing an imported HAR/)).toBeVisible();
  await traffic.expectHop(/400 POST \/mock\/spring\/oauth\/token/);
  await page.getByRole("button", { name: "Back to live traffic" }).click();
  await expect(page.getByText(/Viewing an imported HAR/)).toBeHidden();
});

test("Support: a permalink restores the parameters without secrets", async ({ page, context }) => {
  const flow = new SpringFlow(page);
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
  const other = new SpringFlow(fresh);
  await fresh.goto(link);
  await expect(other.param("client_id")).toHaveValue("messging-client");
  await expect(other.param("client_secret")).not.toHaveValue("s3cr3t-value");
  await expect(fresh.getByRole("radio", { name: /Query string/ })).toBeChecked();
  await expect(fresh).toHaveURL(/\/spring\/token$/);
});

test("Support: with a seed, a reset replays the same authorization code", async ({ page }) => {
  const flow = new SpringFlow(page);
  const seed = page.getByRole("form", { name: "Deterministic mode" });
  const codes: string[] = [];
  for (let round = 0; round < 2; round++) {
    await page.goto("/spring/client");
    await seed.getByLabel("Seed", { exact: true }).fill("20261121");
    await seed.getByRole("button", { name: "Apply seed and reset" }).click();
    await expect(page.getByTestId("current-seed")).toHaveText("Seed 20261121");
    await flow.obtainCode();
    await flow.next();
    codes.push(await flow.param("code").inputValue());
  }
  expect(codes[0]).toMatch(/^[A-Za-z0-9]{6}$/);
  expect(codes[1]).toBe(codes[0]);
});
