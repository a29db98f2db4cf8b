import { ClockPanel } from "./pages/clock.ts";
import { PigaiFlow } from "./pages/pigai.ts";
import { TrafficPanel } from "./pages/traffic.ts";
import { expect, snap, test } from "./fixtures.ts";

const CLIENT_ID = "pg5f3c9a1e7b2d4c68";

test("Pigai method one: JSONP by a <script> element and by the jQuery way, from the home page", async ({ page, workspace }) => {
  const flow = new PigaiFlow(page, workspace);
  await flow.showSecretsFromTheStart(); // values are read off the screen
  const traffic = new TrafficPanel(page);

  await page.goto(workspace.path("/"));
  await page.getByRole("link", { name: /Pigai/ }).click();
  await expect(flow.param("client_id")).toHaveValue(CLIENT_ID);
  await expect(flow.param("client_secret")).toHaveValue(/^[0-9a-f]{32}$/);
  await snap(page, "pigai-1-client");
  await flow.run("Save");
  await flow.next();

  await expect(page.getByRole("complementary", { name: /expires_in is the string "7200" in method one/ })).toBeVisible();
  await expect(page.getByTestId("preview-url")).toContainText(`${workspace.base}/mock/pigai/oauth2/authorize2?client_id=${CLIENT_ID}&response_type=token&state=`);
  // The callback named at run time has its place on the request line too, as the document's URL has it.
  await expect(page.getByTestId("preview-url")).toContainText(/&state=\w+&callback=__playgroundJsonp_…$/);
  const state = await flow.param("state").inputValue();
  await flow.run("Send request");
  await flow.expectOutcome("success", "through a <script> element with a generated callback");
  await flow.expectFact("access_token (string)", /^[0-9a-f]{40}$/);
  await flow.expectFact("expires_in (string)", '"7200"');
  await flow.expectFact("state (string)", state);
  await expect(flow.outcome).toContainText('method one answers the STRING "7200"');
  // The script's URL and its raw JavaScript answer are in the traffic panel.
  await traffic.expectHop(/200 GET \S*\/mock\/pigai\/oauth2\/authorize2\?.*callback=__playgroundJsonp_/);
  await traffic.open(/200 GET \S*\/mock\/pigai\/oauth2\/authorize2\?.*callback=__playgroundJsonp_/);
  const selected = page.getByRole("region", { name: /^#\d+$/ });
  await selected.getByRole("tab", { name: "Raw" }).click();
  await expect(selected).toContainText(/__playgroundJsonp_\w+\(\{"access_token":"[0-9a-f]{40}","expires_in":"7200","token_type":"Bearer","state":"/);
  await expect(selected).toContainText(/application\/javascript/);
  await expect(selected).toContainText(/nosniff/);
  await snap(page, "pigai-2-jsonp-script");

  await flow.option(/The jQuery way/);
  await expect(page.getByRole("region", { name: "What will be sent" })).toContainText("&callback=jQuery…_…&_=…");
  await flow.run("Send request");
  await flow.expectOutcome("success", "the jQuery way");
  await flow.expectFact("expires_in (string)", '"7200"');
  await traffic.expectHop(/200 GET \S*\/mock\/pigai\/oauth2\/authorize2\?.*callback=jQuery\d+_\d+&_=\d+/);
  await snap(page, "pigai-3-jsonp-jquery");
});

test("Pigai method one: the raw JavaScript answer, and a bad callback refused without being echoed", async ({ page, workspace }) => {
  const flow = new PigaiFlow(page, workspace);
  await flow.showSecretsFromTheStart(); // values are read off the screen
  const traffic = new TrafficPanel(page);
  await flow.saveClient();
  await flow.open("pigai", "jsonp-raw");
  await expect(page.getByRole("region", { name: "What will be sent" })).toContainText(
    `${workspace.base}/mock/pigai/oauth2/authorize2?callback=myfun&response_type=token&client_id=${CLIENT_ID}&state=xyz`,
  );
  await flow.run("Send request");
  await flow.expectOutcome("success", "myfun({…})");
  await flow.response.getByRole("tab", { name: "Raw" }).click();
  await expect(flow.response).toContainText(/myfun\(\{"access_token":"[0-9a-f]{40}","expires_in":"7200","token_type":"Bearer","state":"xyz"\}\)/);
  await flow.expectFact("Content-Type", "application/javascript");
  await flow.expectFact("X-Content-Type-Options", "nosniff");
  await snap(page, "pigai-4-raw-answer");

  await flow.param("callback").fill("alert(document.domain)//");
  await expect(page.getByText("Not a JavaScript identifier path")).toBeVisible();
  await flow.run("Send request");
  await flow.expectOutcome("error", "invalid_request (error_code 21329)");
  await expect(flow.outcome).toContainText("the callback is not echoed");
  await expect(flow.response).toContainText("400");
  await expect(flow.response).not.toContainText("alert(document.domain)");
  await expect(flow.whyError).toContainText("JavaScript identifier path");
  await traffic.expectHop(/400 GET \S*\/mock\/pigai\/oauth2\/authorize2\?callback=alert/);
  await snap(page, "pigai-5-bad-callback");

  // The same refusal through a direct request: plain JSON, never JavaScript.
  const res = await page.request.get(`${workspace.base}/mock/pigai/oauth2/authorize2?client_id=${CLIENT_ID}&response_type=token`);
  expect(res.status()).toBe(400);
  expect(await res.json()).toMatchObject({ error: "invalid_request", error_code: 21329 });
});

test("Pigai method one: an unknown APIKEY comes back as an error through the callback", async ({ page, workspace }) => {
  const flow = new PigaiFlow(page, workspace);
  await flow.open("pigai", "jsonp");
  await flow.param("client_id").fill("APIKEY");
  await expect(page.getByText(/the document's APIKEY \/ Your_App_Key are placeholders/)).toBeVisible();
  await flow.run("Send request");
  await flow.expectOutcome("error", "invalid_client (error_code 21329)");
  // The one code the document gives is the one every failure gets: the quirk says to go by error instead.
  await expect(page.getByRole("complementary", { name: /Every error has error_code 21329/ })).toContainText("tell failures apart by error");
});

test("Pigai method two: server side, expires_in a number and no state; then the token, its expiry and 401", async ({ page, workspace }) => {
  const flow = new PigaiFlow(page, workspace);
  const traffic = new TrafficPanel(page);
  const clock = new ClockPanel(page);
  await flow.saveClient();
  await flow.runJsonp("script");
  await flow.expectOutcome("success");
  await flow.open("pigai", "token");

  await expect(page.getByRole("complementary", { name: /Method two's result table lists state/ })).toBeVisible();
  const willSend = page.getByRole("region", { name: "What will be sent" });
  await expect(willSend).toContainText(`POST ${workspace.base}/mock/pigai/oauth2/access_token`);
  await expect(willSend).toContainText(/Content-Type: application\/x-www-form-urlencoded/i);
  await willSend.getByRole("tab", { name: "Raw" }).click();
  await expect(willSend).toContainText(`grant_type=client_credentials&client_id=${CLIENT_ID}&client_secret=`);
  await flow.run("Send request");
  await flow.expectOutcome("success", "expires_in is a number here, and no state comes back");
  await flow.expectFact("expires_in (number)", "7200");
  await flow.expectFact("scope (null)", "null");
  await flow.expectFact("expires_in (method one, JSONP)", '"7200"');
  await flow.expectFact("state", "(absent)");
  await expect(flow.response).toContainText('"expires_in": 7200');
  await expect(flow.response).toContainText('"scope": null');
  await expect(flow.response).not.toContainText('"state"');
  await traffic.expectHop(/200 POST \S*\/mock\/pigai\/oauth2\/access_token/);
  await snap(page, "pigai-6-server-side");
  await flow.next();

  await expect(page.getByText("assumed (not in the source document)").first()).toBeVisible();
  await flow.run("Send request");
  await flow.expectOutcome("success", "The token was accepted");
  await expect(flow.response).toContainText('"method": "client_credentials"');
  await clock.advance("+2 h");
  await flow.run("Send request");
  await flow.expectOutcome("error", "expired_token");
  await expect(flow.response).toContainText("401");
  await expect(flow.whyError).toContainText("7200 seconds");
  await traffic.expectHop(/401 GET \S*\/mock\/pigai\/api\/me/);
  await snap(page, "pigai-7-expired");
});

test("Pigai method two: a wrong App secret is invalid_client, with the cause explained", async ({ page, workspace }) => {
  const flow = new PigaiFlow(page, workspace);
  await flow.saveClient();
  await flow.runServerSide("Your_App_Secret");
  await flow.expectOutcome("error", "invalid_client (error_code 21329)");
  await expect(flow.response).toContainText("401");
  await expect(flow.whyError).toContainText("client_secret (App secret) is wrong");
});
