import { expect, snap, test } from "./fixtures.ts";
import { SpringFlow } from "./pages/spring.ts";
import { TrafficPanel } from "./pages/traffic.ts";

test("Spring: from the home page to a refreshed token and a resource call, every hop in the traffic panel", async ({ page, workspace }) => {
  const flow = new SpringFlow(page, workspace);
  const traffic = new TrafficPanel(page);

  await page.goto(workspace.path("/"));
  await page.getByRole("link", { name: /Spring Security OAuth2/ }).click();
  // This journey reads the values (the refresh token is compared): redaction off, as a learner would have it.
  await flow.showSecrets();
  await expect(flow.param("client_id")).toHaveValue("messaging-client");
  await expect(flow.param("client_secret")).toHaveValue("secret");
  await snap(page, "spring-1-client");
  await flow.run("Save");
  // The result says what was saved, as the next steps will use it.
  await flow.expectOutcome("success", "Saved: the next steps start from these values.");
  await expect(flow.fact("client_id")).toHaveText("messaging-client");
  await expect(flow.fact("client_secret")).toContainText("secret");
  await flow.next();

  await expect(page.getByTestId("preview-url")).toContainText(`${workspace.base}/mock/spring/oauth/authorize?response_type=code&client_id=messaging-client`);
  const state = await flow.param("state").inputValue();
  expect(state).toMatch(/^[a-z0-9]{12}$/);
  await snap(page, "spring-2-authorize");
  await flow.run("Go to the provider");
  await flow.login();
  await expect(page.getByText('Do you authorize "messaging-client" to access your protected resources?')).toBeVisible();
  await snap(page, "spring-3-approval");
  await flow.approve();

  await expect(page).toHaveURL(/\/spring\/callback$/);
  await flow.expectOutcome("success", "state checked");
  // No run button on the callback step: it says it ran itself, and how to run it again.
  await expect(page.locator("#main")).toContainText("This step runs itself when the provider sends the browser back here");
  await expect(page.locator("#main")).toContainText("go to the provider from step 2");
  // The callback request is the playground's own page, and says why the traffic panel doesn't list it.
  await expect(page.getByRole("region", { name: /^The redirect the browser followed to the playground's own callback page/ })).toContainText("/callback?code=");
  await expect(flow.outcome).toContainText(state);
  // The code's lifetime (a fixture setting) is shown against the virtual clock, as the time left.
  await expect(flow.fact(/^code$/)).toContainText(/expires .*\(≈ [45] mins? left\)/);
  // The browser hops the SPA never saw are in the traffic panel.
  await traffic.expectHop(/302 GET \S*\/mock\/spring\/oauth\/authorize/);
  await traffic.expectHop(/302 POST \S*\/mock\/spring\/login/);
  await traffic.expectHop(/200 GET \S*\/mock\/spring\/oauth\/authorize/);
  await traffic.expectHop(/302 POST \S*\/mock\/spring\/oauth\/authorize/);
  await snap(page, "spring-4-callback");
  await flow.next();

  await expect(flow.param("code")).toHaveValue(/^[A-Za-z0-9]{6}$/);
  const code = await flow.param("code").inputValue();
  // The flow survives a reload: values, results and the step all come back.
  await page.reload();
  await expect(flow.param("code")).toHaveValue(code);
  await expect(flow.step(/Redirect back with the code/)).toContainText("(success)");
  await flow.run("Send request");
  await flow.expectOutcome("success", "Token issued");
  await expect(flow.response).toContainText('"token_type": "bearer"');
  await expect(flow.response).toContainText('"expires_in": 43199');
  await expect(flow.response).toContainText('"scope": "read write"');
  await expect(page.getByRole("complementary", { name: /token_type is lower-case/ })).toBeVisible();
  await snap(page, "spring-5-token");
  const refreshToken = await page.locator("dd", { hasText: /^[\w-]{27}$/ }).nth(1).textContent();
  await flow.next();

  await flow.run("Send request");
  await flow.expectOutcome("success", "the refresh token is the same");
  await expect(flow.response).toContainText(`"refresh_token": "${refreshToken}"`);
  await flow.next();

  await expect(page.getByText("assumed (not in the source document)")).toBeVisible();
  await flow.run("Send request");
  await flow.expectOutcome("success");
  await expect(flow.response).toContainText('"name": "user"');
  await traffic.expectHop(/200 GET \S*\/mock\/spring\/api\/me/);
  await snap(page, "spring-6-resource");
});

test("Spring: exchanging the code as a query string with HTTP Basic", async ({ page, workspace }) => {
  const flow = new SpringFlow(page, workspace);
  await flow.obtainCode();
  await flow.next();
  await flow.option(/Query string \(the postman example\)/);
  await flow.option(/HTTP Basic header/);
  const preview = page.getByRole("region", { name: "What will be sent" });
  await expect(preview).toContainText(`POST ${workspace.base}/mock/spring/oauth/token?grant_type=authorization_code&code=`);
  await expect(preview).toContainText(/Authorization: Basic /i);
  await flow.run("Send request");
  await flow.expectOutcome("success", "Token issued");
});

test("Spring: denying on the approval page comes back as access_denied", async ({ page, workspace }) => {
  const flow = new SpringFlow(page, workspace);
  await flow.saveClient();
  await flow.goAuthorize();
  await flow.login();
  await flow.deny();
  await expect(page).toHaveURL(/\/spring\/callback$/);
  await flow.expectOutcome("error", "access_denied");
  await expect(flow.outcome).toContainText("User denied access");
});

test("Spring: a callback whose state differs from the one sent is shown as a CSRF failure", async ({ page, workspace }) => {
  const flow = new SpringFlow(page, workspace);
  await flow.saveClient();
  await flow.goAuthorize();
  await flow.login();
  await expect(page.getByRole("heading", { name: "OAuth Approval" })).toBeVisible();
  // An attacker's link lands on our callback with their own code and state while our flow is waiting.
  await page.goto(workspace.path("/callback?code=EVIL01&state=forged-state"));
  await expect(page).toHaveURL(/\/spring\/callback$/);
  await flow.expectOutcome("error", "State mismatch: possible CSRF");
  await expect(flow.outcome).toContainText("forged-state");
  // The forged code is not taken into the flow.
  await flow.open("spring", "token");
  await expect(flow.param("code")).not.toHaveValue("EVIL01");
});

test("Spring: the document's misspelt client id is refused as invalid_client, with the cause explained", async ({ page, workspace }) => {
  const flow = new SpringFlow(page, workspace);
  await flow.obtainCode();
  await flow.next();
  await flow.param("client_id").fill("messging-client");
  await expect(page.getByText(/No client “messging-client” is registered/)).toBeVisible();
  await flow.run("Send request");
  await flow.expectOutcome("error", "invalid_client");
  await expect(page.getByRole("region", { name: "Why this error" })).toContainText("messging-client");
});

test("Spring: a replayed code is refused and the token it issued stops working", async ({ page, workspace }) => {
  const flow = new SpringFlow(page, workspace);
  await flow.obtainCode();
  await flow.next();
  await flow.run("Send request");
  await flow.expectOutcome("success");
  await flow.run("Send request");
  await flow.expectOutcome("error", /invalid_grant: Invalid authorization code/);
  await expect(page.getByRole("region", { name: "Why this error" })).toContainText("single-use");
  await flow.open("spring", "resource");
  await flow.run("Send request");
  await flow.expectOutcome("error", "invalid_token");
});

test("Spring: no secret, code or token reaches localStorage; this tab keeps them across a reload", async ({ page, workspace }) => {
  const flow = new SpringFlow(page, workspace);
  await flow.obtainCode();
  await flow.showSecrets(); // the token is read off the screen
  await flow.next();
  await flow.run("Send request");
  await flow.expectOutcome("success", "Token issued");
  const token = JSON.parse((await flow.response.getByRole("tabpanel").textContent()) ?? "{}").access_token as string;
  expect(token).toMatch(/^[\w-]{20,}$/);
  const kept = async () => (await page.evaluate(() => localStorage.getItem("oauth-playground.wizard"))) ?? "";
  const tab = async () => (await page.evaluate(() => sessionStorage.getItem("oauth-playground.wizard"))) ?? "";
  expect(await kept()).toContain("messaging-client");
  expect(await kept()).not.toContain(token);
  expect(await kept()).not.toMatch(/"client_secret":"secret"|client_secret=secret/);
  expect(await tab()).toContain(token);
  await page.reload();
  await expect(flow.response).toContainText(token);
});
