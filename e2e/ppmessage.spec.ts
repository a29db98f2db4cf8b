import { ClockPanel } from "./pages/clock.ts";
import { PP_USER, PpmessageFlow } from "./pages/ppmessage.ts";
import { TrafficPanel } from "./pages/traffic.ts";
import { expect, snap, test } from "./fixtures.ts";

test("PPMessage: from the home page through 应用授权 to a token and two API calls, every hop in the traffic panel", async ({ page, workspace }) => {
  const flow = new PpmessageFlow(page, workspace);
  const traffic = new TrafficPanel(page);

  await page.goto(workspace.path("/"));
  await page.getByRole("link", { name: /PPMessage/ }).click();
  await expect(flow.param("api_key")).toHaveValue("3d6e2a9c-5b1f-11e6-9c4e-acbc32d7e3f1");
  // Choosing the console app switches every credential.
  await flow.option(/^console/);
  await expect(flow.param("api_key")).toHaveValue("41c0f7e2-5b1f-11e6-9c4e-acbc32d7e3f1");
  await expect(flow.param("api_uuid")).toHaveValue("41c1d3a6-5b1f-11e6-9c4e-acbc32d7e3f1");
  await flow.option(/^kefu/);
  await expect(flow.param("api_secret")).toHaveValue(/==$/);
  await snap(page, "ppmessage-1-client");
  await flow.run("Save");
  await flow.next();

  // The redirect_id typo is pointed out where the authorize URL is built.
  await expect(page.getByRole("complementary", { name: /The example URL says redirect_id/ })).toBeVisible();
  const preview = page.getByTestId("preview-url");
  await expect(preview).toContainText(`${workspace.base}/mock/ppmessage/ppauth/auth?state=`);
  await expect(preview).toContainText("client_id=3d6e2a9c-5b1f-11e6-9c4e-acbc32d7e3f1");
  await expect(preview).toContainText(`redirect_uri=${encodeURIComponent(new URL(workspace.path("/callback"), page.url()).toString())}`);
  await expect(preview).toContainText("response_type=code");
  const state = await flow.param("state").inputValue();
  expect(state).toMatch(/^[a-z0-9]{12}$/);
  await snap(page, "ppmessage-2-authorize");
  await flow.run("Go to the provider");

  await expect(flow.authorizeHeading).toBeVisible();
  await expect(page).toHaveTitle(/应用授权/);
  await page.getByLabel("邮箱 Email").fill(PP_USER.email);
  await page.getByLabel("密码 Password").fill(PP_USER.password);
  await snap(page, "ppmessage-3-login");
  await page.getByRole("button", { name: "继续" }).click();

  await expect(page).toHaveURL(/\/ppmessage\/callback$/);
  await flow.expectOutcome("success", "state checked");
  await expect(flow.outcome).toContainText(state);
  await traffic.expectHop(/200 GET \S*\/mock\/ppmessage\/ppauth\/auth\?state=/);
  await traffic.expectHop(/302 POST \S*\/mock\/ppmessage\/ppauth\/auth/);
  await snap(page, "ppmessage-4-callback");
  await flow.next();

  await expect(flow.param("code")).toHaveValue(/^[A-Za-z0-9+/]{54}==$/);
  await flow.run("Send request");
  await flow.expectOutcome("success", "Token issued");
  await expect(flow.response).toContainText('"token_type": "Bearer"');
  await expect(flow.response).toContainText('"expires_in": 86400');
  await expect(page.getByRole("complementary", { name: /token_type is Bearer, but the API header scheme is OAuth/ })).toBeVisible();
  await expect(flow.outcome).toContainText("yet the API header scheme is OAuth");
  // Said beside token_type and in the quirk card: the summary does not say it a third time.
  await expect(flow.outcome.locator("p").first()).toHaveText(/^✓ Token issued\.$/);
  await traffic.expectHop(/200 POST \S*\/mock\/ppmessage\/ppauth\/token/);
  await snap(page, "ppmessage-5-token");
  await flow.next();

  const willSend = page.getByRole("region", { name: "What will be sent" });
  await expect(willSend).toContainText(`POST ${workspace.base}/mock/ppmessage/api/PP_GET_APP_SERVICE_USER_LIST`);
  await expect(willSend).toContainText(/Authorization: OAuth /i);
  await expect(willSend).toContainText(/Content-Type: application\/json/i);
  await flow.run("Send request");
  await flow.expectOutcome("success", 'error_code "0"');
  await expect(flow.response).toContainText('"error_code": "0"');
  await expect(flow.response).toContainText('"uri": "/PP_GET_APP_SERVICE_USER_LIST"');
  await expect(flow.response).toContainText(PP_USER.email);
  await traffic.expectHop(/200 POST \S*\/mock\/ppmessage\/api\/PP_GET_APP_SERVICE_USER_LIST/);
  await snap(page, "ppmessage-6-api");
  await flow.next();

  await expect(page.getByText("assumed (not in the source document)").first()).toBeVisible();
  await expect(flow.param("user_uuid")).toHaveValue("5e2b7c94-5b1f-11e6-9c4e-acbc32d7e3f1");
  await flow.run("Send request");
  await flow.expectOutcome("success", `Demo Kefu <${PP_USER.email}>`);
  await expect(flow.response).toContainText('"uri": "/PP_GET_USER_INFO"');
  await traffic.expectHop(/200 POST \S*\/mock\/ppmessage\/api\/PP_GET_USER_INFO/);
});

test("PPMessage: a wrong password shows the 应用授权 page again and never redirects", async ({ page, workspace }) => {
  const flow = new PpmessageFlow(page, workspace);
  const traffic = new TrafficPanel(page);
  await flow.saveClient();
  await flow.goAuthorize();
  await flow.login(PP_USER.email, "not-the-password");
  await expect(page.getByRole("alert")).toContainText("邮箱和密码不匹配");
  await expect(flow.authorizeHeading).toBeVisible();
  await expect(page).toHaveURL(/\/mock\/ppmessage\/ppauth\/auth$/);
  await expect(page.getByLabel("邮箱 Email")).toHaveValue(PP_USER.email);
  await snap(page, "ppmessage-7-wrong-password");

  // Back in the playground: the POST was answered 200 (the page again), not 302.
  await flow.open("ppmessage", "authorize");
  await traffic.expectHop(/200 POST \S*\/mock\/ppmessage\/ppauth\/auth/);
  await expect(traffic.entry(/302 POST \S*\/mock\/ppmessage\/ppauth\/auth/)).toHaveCount(0);
});

test("PPMessage: the document's redirect_id gets an error page that names redirect_uri", async ({ page, workspace }) => {
  const flow = new PpmessageFlow(page, workspace);
  await flow.saveClient();
  await flow.open("ppmessage", "authorize");
  await flow.option(/redirect_id \(the example URL\)/);
  await expect(page.getByTestId("preview-url")).toContainText("redirect_id=");
  await expect(page.getByTestId("preview-url")).not.toContainText("redirect_uri=");
  await flow.run("Go to the provider");
  await expect(page.getByRole("heading", { name: /Authorization failed/ })).toBeVisible();
  await expect(page.getByRole("alert")).toContainText("the parameter is called redirect_uri");
});

test("PPMessage: a replayed code is refused and the token it issued is revoked", async ({ page, workspace }) => {
  const flow = new PpmessageFlow(page, workspace);
  await flow.obtainToken();
  await flow.run("Send request");
  await flow.expectOutcome("error", /invalid_grant: Invalid authorization code: already used/);
  await expect(page.getByRole("region", { name: "Why this error" })).toContainText("already used");
  await snap(page, "ppmessage-8-replayed-code");
  await flow.open("ppmessage", "service-users");
  await flow.run("Send request");
  await flow.expectOutcome("error", 'error_code "4"');
  await expect(flow.response).toContainText("wrong access token");
});

test("PPMessage: Bearer instead of OAuth is error_code 3; a day later the token has expired", async ({ page, workspace }) => {
  const flow = new PpmessageFlow(page, workspace);
  const traffic = new TrafficPanel(page);
  const clock = new ClockPanel(page);
  await flow.obtainToken();
  await flow.next();
  await flow.option(/Bearer \(what token_type suggests\)/);
  await expect(page.getByRole("region", { name: "What will be sent" })).toContainText(/Authorization: Bearer /i);
  await flow.run("Send request");
  await flow.expectOutcome("error", 'error_code "3"');
  await expect(flow.outcome).toContainText("PPMessage only reads Authorization: OAuth <token>");
  await expect(page.getByRole("region", { name: "Why this error" })).toContainText("Bearer instead of OAuth");
  await expect(flow.response).toContainText("The header scheme is OAuth, not Bearer");
  await traffic.expectHop(/401 POST \S*\/mock\/ppmessage\/api\/PP_GET_APP_SERVICE_USER_LIST/);
  await snap(page, "ppmessage-9-bearer");

  await flow.option(/OAuth \(the document\)/);
  await flow.run("Send request");
  await flow.expectOutcome("success", 'error_code "0"');
  await clock.advance("+1 day");
  await flow.run("Send request");
  await flow.expectOutcome("error", 'error_code "5"');
  await expect(page.getByRole("region", { name: "Why this error" })).toContainText("3600*24");
});
