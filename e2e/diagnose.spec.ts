import { expect, snap, test } from "./fixtures.ts";

const MISSPELT_CURL =
  '# curl -X POST -d "grant_type=authorization_code&code=W636oE&client_id=messging-client&client_secret=secret&redirect_uri=http://localhost" http://localhost:8090/oauth/token';

test("Diagnose: seed 001's misspelt curl is flagged and its replay gets invalid_client from the mock", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("main").getByRole("link", { name: "Diagnose pasted evidence" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Diagnose pasted evidence" })).toBeVisible();

  await page.getByLabel("Pasted evidence").fill(MISSPELT_CURL);
  await page.getByRole("button", { name: "Diagnose", exact: true }).click();

  await expect(page.getByTestId("detected-provider")).toHaveText("Spring Security OAuth2");
  const findings = page.getByRole("list", { name: "Findings" });
  const typo = findings.getByRole("listitem").filter({ hasText: "client_id=“messging-client” is not a registered client" });
  await expect(typo).toBeVisible();
  await expect(typo.getByText("Error", { exact: true })).toBeVisible();
  await expect(typo.getByTestId("char-diff")).toHaveText("mess[−a]ging-client");
  await expect(page.getByRole("table")).toContainText("messging-client");

  await page.getByRole("button", { name: "Replay against the mock" }).click();
  const response = page.getByRole("group", { name: "Response", exact: true });
  await expect(response).toContainText("401");
  await expect(response).toContainText("invalid_client");
  await expect(page.getByText("What this error means")).toBeVisible();
  await snap(page, "diagnose", { fullPage: true });
});

test("Diagnose: a redirect_uri with a trailing slash gets a character diff; an authorize URL is opened, not fetched", async ({ page }) => {
  await page.goto("/diagnose");
  await page.getByLabel("Pasted evidence").fill("http://localhost:8090/oauth/authorize?response_type=code&client_id=messaging-client&redirect_uri=http://localhost/");
  await page.getByRole("button", { name: "Diagnose", exact: true }).click();
  const finding = page.getByRole("list", { name: "Findings" }).getByRole("listitem").filter({ hasText: "is not registered for this client" });
  await expect(finding.getByTestId("char-diff")).toHaveText("http://localhost[+/]");
  await expect(page.getByRole("link", { name: "Open it in the browser (against the mock)" })).toHaveAttribute("href", /^\/mock\/spring\/oauth\/authorize\?/);
});
