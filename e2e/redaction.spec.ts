import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { expect, snap, test, type Workspace } from "./fixtures.ts";
import { SpringFlow } from "./pages/spring.ts";
import { TrafficPanel } from "./pages/traffic.ts";

/** What the mock recorded for the token exchange: the values the screen must not show in clear. */
async function tokenSecrets(request: APIRequestContext, workspace: Workspace) {
  const traffic = (await (await request.get(workspace.control("/traffic"))).json()) as Array<{ request: { url: string; body: string }; response: { body: string } }>;
  const exchange = traffic.filter((e) => e.request.url.endsWith("/oauth/token")).at(-1)!;
  const answer = JSON.parse(exchange.response.body) as { access_token: string; refresh_token: string };
  const code = new URLSearchParams(exchange.request.body).get("code")!;
  expect(code.length).toBeGreaterThan(3);
  return { code, accessToken: answer.access_token, refreshToken: answer.refresh_token };
}

/** A field with a fingerprint for its value, as the raw form, the pretty form table or JSON writes it. */
const fingerprinted = (field: string) => new RegExp(`${field}(=| = |":\\s*")\\[redacted#[0-9a-f]{8}\\]`);
const inClear = (field: string, value: string) => new RegExp(`${field}(=| = )${value}\\b`);

async function expectNoneInClear(where: Locator | string, values: string[]) {
  const text = typeof where === "string" ? where : ((await where.textContent()) ?? "");
  for (const value of values) expect(text).not.toContain(value);
  expect(text).not.toMatch(inClear("client_secret", "secret"));
  expect(text).not.toMatch(/"client_secret":\s*"secret"/);
}

async function copiedCurl(page: Page, scope: Locator): Promise<string> {
  await scope.getByRole("button", { name: "Copy as curl" }).first().click();
  return page.evaluate(() => navigator.clipboard.readText());
}

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("Redact secrets: the panel, the exchange view, the step's result and Copy as curl show fingerprints; Reveal shows one value", async ({ page, request, workspace }) => {
  const flow = new SpringFlow(page, workspace);
  const traffic = new TrafficPanel(page);
  await flow.obtainCode();
  await flow.next();
  const redact = page.getByRole("checkbox", { name: "Redact secrets" });
  await expect(redact).toBeChecked();

  // Before sending: the preview and the parameters hide the client secret.
  const willSend = page.getByRole("region", { name: "What will be sent" });
  await expect(willSend).toContainText(fingerprinted("client_secret"));
  await expect(flow.param("client_secret")).toHaveAttribute("type", "password");
  await flow.run("Send request");
  await flow.expectOutcome("success", "Token issued");
  const { code, accessToken, refreshToken } = await tokenSecrets(request, workspace);
  const secrets = [code, accessToken, refreshToken];

  // The step: its facts and its raw answer.
  await expectNoneInClear(flow.outcome, secrets);
  await expect(flow.fact("access_token")).toContainText(/\[redacted#[0-9a-f]{8}\]/);
  await expectNoneInClear(page.getByRole("region", { name: "What came back" }), secrets);

  // The panel: every row, and the token exchange in full (pretty and raw).
  await traffic.expectHop(/200 POST \/\S*mock\/spring\/oauth\/token/);
  await expectNoneInClear(traffic.list, secrets);
  await traffic.open(/200 POST \/\S*mock\/spring\/oauth\/token/);
  const detail = page.getByRole("region", { name: /^#\d+$/ });
  await expect(detail.getByRole("group", { name: "Request" })).toContainText(fingerprinted("client_secret"));
  await expectNoneInClear(detail, secrets);
  await detail.getByRole("group", { name: "Response" }).getByRole("tab", { name: "Raw" }).click();
  await expect(detail.getByRole("group", { name: "Response" })).toContainText(fingerprinted("access_token"));
  await expectNoneInClear(detail, secrets);
  await snap(page, "redaction-on");

  // What is copied is what is shown.
  const curl = await copiedCurl(page, detail);
  expect(curl).toMatch(/^curl -X POST/);
  expect(curl).toMatch(/client_secret=\[redacted#[0-9a-f]{8}\]/);
  await expectNoneInClear(curl, secrets);

  // One value in clear, the others still hidden.
  const requestView = detail.getByRole("group", { name: "Request" });
  await requestView.getByRole("button", { name: "Reveal client_secret" }).click();
  await expect(requestView).toContainText(inClear("client_secret", "secret"));
  await expectNoneInClear((await requestView.textContent())!.replace(inClear("client_secret", "secret"), ""), secrets);
  await expect(requestView.getByRole("button", { name: "Hide client_secret" })).toBeVisible();
  await requestView.getByRole("button", { name: "Reveal code" }).click();
  await expect(requestView).toContainText(inClear("code", code));
  await expectNoneInClear(traffic.list, [accessToken, refreshToken]);
  await requestView.getByRole("button", { name: "Hide code" }).click();
  await expect(requestView).not.toContainText(code);

  // Unticked, the screen shows everything in clear again, and the choice is remembered.
  await redact.uncheck();
  await expect(detail.getByRole("group", { name: "Response" })).toContainText(accessToken);
  await expect(flow.fact("access_token")).toContainText(accessToken);
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Redact secrets" })).not.toBeChecked();
  await expect(flow.fact("access_token")).toContainText(accessToken);
});
