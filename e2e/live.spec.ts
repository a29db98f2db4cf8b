import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, snap, test } from "./fixtures.ts";
import { LiveTarget } from "./pages/live.ts";
import { SpringFlow } from "./pages/spring.ts";
import { TrafficPanel } from "./pages/traffic.ts";
import { OIDC_BASE } from "./ports.ts";

async function expectNoViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} e.g. ${v.nodes[0]?.target.join(" ")}`), where).toEqual([]);
}

async function look(page: Page, theme: "light" | "dark", language: "en" | "zh") {
  await page.getByRole("combobox", { name: /^(Theme|主题)$/ }).selectOption(theme);
  await page.getByRole("combobox", { name: /^(Language|语言)$/ }).selectOption(language);
}

// Each test's target lives in its own workspace, deleted after it: nothing to put back.
test("the Spring flow against a real server no one here wrote: its own pages, a token, a refresh, and what differs from the document", async ({ page, baseURL, workspace }) => {
  test.setTimeout(90_000);
  const flow = new SpringFlow(page, workspace);
  const live = new LiveTarget(page);
  const traffic = new TrafficPanel(page);
  await flow.open("spring", "client");
  // The document's base is offered; the test server listens elsewhere.
  await live.control.getByRole("radio", { name: "Real server" }).check();
  await expect(live.base).toHaveValue("http://localhost:8090");
  await live.useRealServer(OIDC_BASE);
  await live.expectLive(OIDC_BASE);
  await expect(live.redirectUri).toHaveText(`${baseURL}${workspace.path("/callback")}`);
  await live.control.getByText("What is recorded, what is not").click();
  await expect(live.control.getByText(/go from your browser straight to the real server/)).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: OIDC_BASE })).toBeVisible();
  await snap(page, "live-1-target");
  await expectNoViolations(page, "live target set");

  await flow.run("Save");
  await flow.expectOutcome("success");
  await flow.open("spring", "authorize");
  // The document sends no scope; oidc-provider then grants none and answers access_denied, so ask for the client's.
  await flow.param("scope").fill("read write");
  await expect(page.getByTestId("preview-url")).toContainText(`${OIDC_BASE}/oauth/authorize?`);
  await expect(page.getByRole("region", { name: "What will be sent" }).getByText(/Not recorded: the browser.s own hops/)).toBeVisible();
  await flow.run("Go to the provider");
  await expect(page).toHaveURL(new RegExp(`^${OIDC_BASE}/`));
  await live.signInAndConsent();
  await expect(page).toHaveURL(/\/spring\/callback$/);
  await flow.expectOutcome("success", "Got an authorization code");

  await flow.next();
  await flow.run("Send request");
  await flow.expectOutcome("success", "Token issued");
  await expect(live.differences.filter({ hasText: "token_type is 'Bearer'; the document shows 'bearer'" })).toBeVisible();
  await expect(live.differences.filter({ hasText: "expires_in 3600; the document's example is 43199" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Differences from the document" })).toContainText(`Answered by the real server ${OIDC_BASE}`);
  // The token exchange went through the relay, recorded with the real server's URL and marked live.
  const exchange = traffic.entry(/live\s*\/oauth\/token/).first();
  await expect(exchange).toBeVisible();
  await exchange.click();
  await expect(page.getByRole("region", { name: /^#\d+$/ })).toContainText(`Relayed to the real server: what went to it and what it answered. ${OIDC_BASE}`);
  await page.getByRole("region", { name: "Differences from the document" }).scrollIntoViewIfNeeded();
  await snap(page, "live-2-token");
  await expectNoViolations(page, "token step, live, with differences");

  await flow.next();
  await flow.run("Send request");
  await flow.expectOutcome("success", /New access token/);
  await expect(live.differences.filter({ hasText: "token_type is 'Bearer'" })).toBeVisible();
  await expect(traffic.entry(/live\s*\/oauth\/token/)).toHaveCount(2);

  // The same in the other look: dark, 简体中文, and on a smaller screen.
  await look(page, "dark", "zh");
  await expect(page.getByRole("region", { name: "与文档的差异" }).getByRole("listitem").filter({ hasText: "token_type 是 'Bearer'；文档中是 'bearer'" })).toBeVisible();
  await expect(page.getByRole("group", { name: "目标服务器" })).toContainText(`真实服务器：本工作区的请求发往 ${OIDC_BASE}`);
  await expectNoViolations(page, "refresh step, live, dark 简体中文");
  await page.getByRole("region", { name: "与文档的差异" }).scrollIntoViewIfNeeded();
  await snap(page, "live-3-refresh-zh-dark");
  await page.setViewportSize({ width: 1024, height: 768 });
  await snap(page, "live-4-refresh-zh-dark-1024");
  await look(page, "light", "en");
});

test("a base outside loopback and LIVE_HOSTS is refused with the server's words; Bundled mock goes back to the mock", async ({ page, request, workspace }) => {
  const flow = new SpringFlow(page, workspace);
  const live = new LiveTarget(page);
  await flow.open("spring", "client");
  await live.useRealServer("http://auth.example.com");
  await expect(live.control.getByRole("alert")).toContainText("LIVE_HOSTS");
  await expectNoViolations(page, "a refused base");
  expect(await (await request.get(workspace.control("/targets"))).json()).toEqual({ targets: {} });

  await live.useRealServer(OIDC_BASE);
  await live.expectLive(OIDC_BASE);
  await live.useBundledMock();
  await expect(live.redirectUri).toHaveCount(0);
  await expect.poll(async () => (await (await request.get(workspace.control("/targets"))).json()).targets).toEqual({});
  await flow.open("spring", "authorize");
  await expect(page.getByTestId("preview-url")).toContainText(`${new URL(page.url()).origin}${workspace.base}/mock/spring/oauth/authorize?`);
});
