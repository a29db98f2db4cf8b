import type { Page } from "@playwright/test";
import { expect, snap, test } from "./fixtures.ts";

const MISSPELT_CURL =
  '# curl -X POST -d "grant_type=authorization_code&code=W636oE&client_id=messging-client&client_secret=secret&redirect_uri=http://localhost" http://localhost:8090/oauth/token';

/** These tests read the diagnosis's values (the document's code W636oE) in clear; redaction.spec.ts covers the page redacted. */
async function showSecrets(page: Page) {
  const redact = page.getByRole("checkbox", { name: "Redact secrets" });
  await redact.uncheck();
  await expect(redact).not.toBeChecked();
}

test("Diagnose: seed 001's misspelt curl is flagged and its replay gets invalid_client from the mock", async ({ page, workspace }) => {
  await page.goto(workspace.path("/"));
  await page.getByRole("main").getByRole("link", { name: "Diagnose pasted evidence" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Diagnose pasted evidence" })).toBeVisible();
  await showSecrets(page);

  await page.getByLabel("Pasted evidence").fill(MISSPELT_CURL);
  await page.getByRole("button", { name: "Diagnose", exact: true }).click();

  await expect(page.getByTestId("detected-provider")).toHaveText("Spring Security OAuth2");
  const findings = page.getByRole("list", { name: "Findings" });
  const typo = findings.getByRole("listitem").filter({ hasText: "client_id=“messging-client” is not a registered client" });
  await expect(typo).toBeVisible();
  await expect(typo.getByText("Error", { exact: true })).toBeVisible();
  await expect(typo.getByTestId("char-diff")).toHaveText("mess[−a]ging-client");
  await expect(page.getByRole("table")).toContainText("messging-client");

  // The typo does not hide what follows: W636oE is the document's own code.
  await expect(findings.getByRole("listitem").filter({ hasText: "code=“W636oE” is the document's example value" })).toBeVisible();
  await expect(page.getByTestId("doc-section")).toHaveText("7 获取 token 调用 /oauth/token 接口（POST）");
  await expect(page.getByTestId("wizard-step")).toHaveText("step 4 of 6: Exchange the code: POST /oauth/token");

  await page.getByRole("button", { name: "Replay against the mock" }).click();
  const response = page.getByRole("group", { name: "Response", exact: true });
  await expect(response).toContainText("401");
  await expect(response).toContainText("invalid_client");
  await expect(page.getByText("What this error means")).toBeVisible();
  await expect(findings.getByRole("listitem").filter({ hasText: "The replay failed (HTTP 401)" })).toBeVisible();
  await snap(page, "diagnose", { fullPage: true });
});

test("Diagnose: with the client id fixed, W636oE is still flagged, and the replay's invalid_grant is explained, never “nothing wrong”", async ({ page, workspace }) => {
  await page.goto(workspace.path("/diagnose"));
  await showSecrets(page);
  await page.getByLabel("Pasted evidence").fill(MISSPELT_CURL.replace("messging-client", "messaging-client"));
  await page.getByRole("button", { name: "Diagnose", exact: true }).click();
  const findings = page.getByRole("list", { name: "Findings" });
  await expect(findings.getByRole("listitem")).toHaveCount(1);
  await expect(findings).toContainText("code=“W636oE” is the document's example value");
  await expect(findings).toContainText("From the document: http://localhost?code=W636oE");
  await expect(page.getByText("Nothing wrong found", { exact: false })).toHaveCount(0);

  await page.getByRole("button", { name: "Replay against the mock" }).click();
  const replayFinding = findings.getByRole("listitem").filter({ hasText: "The replay failed (HTTP 400): The code was already used" });
  await expect(replayFinding).toBeVisible();
  await expect(replayFinding).toContainText("Go through /oauth/authorize again");
  await expect(replayFinding).toContainText("code=W636oE : 必须，授权服务器返回的授权码");
  await expect(page.getByText("Nothing wrong found", { exact: false })).toHaveCount(0);
  await page.getByTestId("wizard-step").getByRole("link").click();
  await expect(page).toHaveURL(/\/spring\/token$/);
});

test("Diagnose: a request with no finding says so only after its replay succeeded", async ({ page, workspace }) => {
  await page.goto(workspace.path("/diagnose"));
  await page.getByLabel("Pasted evidence").fill('curl http://api.pigai.org/oauth2/access_token -d "grant_type=client_credentials&client_id=pg5f3c9a1e7b2d4c68&client_secret=e2b7c1d94f6a0385b1c7d2e9f4a6b803"');
  await page.getByRole("button", { name: "Diagnose", exact: true }).click();
  await expect(page.getByTestId("no-findings")).toHaveText(/Replay it to see what the server answers/);
  await page.getByRole("button", { name: "Replay against the mock" }).click();
  await expect(page.getByTestId("no-findings")).toHaveText("Nothing wrong found: it matches the document and the registered client, and its replay succeeded.");
});

test("Diagnose: a redirect_uri with a trailing slash gets a character diff; an authorize URL is opened, not fetched", async ({ page, workspace }) => {
  await page.goto(workspace.path("/diagnose"));
  await page.getByLabel("Pasted evidence").fill("http://localhost:8090/oauth/authorize?response_type=code&client_id=messaging-client&redirect_uri=http://localhost/");
  await page.getByRole("button", { name: "Diagnose", exact: true }).click();
  const finding = page.getByRole("list", { name: "Findings" }).getByRole("listitem").filter({ hasText: "is not registered for this client" });
  await expect(finding.getByTestId("char-diff")).toHaveText("http://localhost[+/]");
  await expect(page.getByRole("link", { name: "Open it in the browser (against the mock)" })).toHaveAttribute("href", new RegExp(`^${workspace.base}/mock/spring/oauth/authorize\\?`));
});
