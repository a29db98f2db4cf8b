import { expect, snap, test } from "./fixtures.ts";
import { ClockPanel } from "./pages/clock.ts";
import { OpenplatformFlow } from "./pages/openplatform.ts";
import { TrafficPanel } from "./pages/traffic.ts";

const APP_ID = "op1f45b3c51894531e";

test("Open platform: from the home page through code, open_id, server token, js_ticket, rotation and checkCode", async ({ page, workspace }) => {
  const flow = new OpenplatformFlow(page, workspace);
  await flow.showSecretsFromTheStart(); // values are read off the screen
  const traffic = new TrafficPanel(page);

  await page.goto(workspace.path("/"));
  await page.getByRole("link", { name: /Open platform OAuth2/ }).click();
  await expect(flow.param("app_id")).toHaveValue(APP_ID);
  await expect(flow.param("secret")).toHaveValue(/^[0-9a-f]{32}$/);
  await expect(page.getByRole("complementary", { name: /No host and no body encoding are given/ })).toBeVisible();
  await flow.run("Save");
  await flow.next();

  // 1. The simulated host-app JS.
  await expect(flow.stepHeading).toContainText("simulated");
  await flow.run("Send request");
  await flow.expectOutcome("success", "Got a login-free code");
  await traffic.expectHop(/200 POST \S*\/mock\/openplatform\/_sim\/code/);
  await flow.showOutcome();
  await snap(page, "openplatform-1-code");
  await flow.next();

  // 2. /OAuth2/token: form body by default, status the number 2000.
  const preview = page.getByRole("region", { name: "What will be sent" });
  await expect(preview).toContainText(/Content-Type: application\/x-www-form-urlencoded/i);
  await preview.getByRole("tab", { name: "Raw" }).click();
  await expect(preview).toContainText(`app_id=${APP_ID}&secret=`);
  await expect(preview).toContainText("grant_type=authorization_code&code=");
  await flow.run("Send request");
  await flow.expectOutcome("success", "Got the user's open_id");
  await expect(flow.response).toContainText('"status": 2000,');
  await expect(flow.response).toContainText('"scope": "sns_base"');
  await expect(flow.fact("status (number)")).toContainText("2000");
  await expect(flow.fact("data.access_token")).toContainText("cannot update user info");
  await expect(page.getByRole("complementary", { name: /status: the number 2000 from \/OAuth2\/token, the string "2000" everywhere else/ })).toBeVisible();
  await expect(page.getByRole("complementary", { name: /The user access_token and refresh_token are of no use yet/ })).toBeVisible();
  await traffic.expectHop(/200 POST \S*\/mock\/openplatform\/OAuth2\/token/);
  await flow.showOutcome();
  await snap(page, "openplatform-2-token");
  await flow.next();

  // 3. The undocumented server token, marked assumed.
  await expect(flow.stepHeading).toContainText("assumed (not in the source document)");
  await flow.run("Send request");
  await flow.expectOutcome("success", "Got a server access_token");
  await expect(flow.response).toContainText('"status": "2000"');
  await flow.next();

  // 4. js_ticket: a string status, 64 characters, reserve 128.
  await flow.run("Send request");
  await flow.expectOutcome("success", "Got a js_ticket (64 characters; reserve 128)");
  await expect(flow.fact('status (string)')).toContainText('"2000"');
  // The string-status warning the server-token step gave is folded here, not repeated in full.
  await expect(flow.fact("status (string)")).toContainText("The same warning as in step 4");
  await expect(flow.fact("status (string)").getByText(/^A string here/)).toBeHidden();
  await expect(page.getByRole("complementary", { name: /Reserve 128 characters for the ticket/ })).toBeVisible();
  const firstTicket = (await flow.fact("data.ticket").locator("span.font-mono").textContent()) ?? "";
  expect(firstTicket).toMatch(/^[0-9a-f]{64}$/);
  await flow.next();

  // 5. Rotation: both tickets with their expiry.
  await expect(flow.param("previous_ticket")).toHaveValue(firstTicket);
  await flow.run("Send request");
  await flow.expectOutcome("success", "the previous one now expires within 10 minutes");
  await expect(flow.fact("previous ticket")).toContainText(firstTicket);
  await expect(flow.fact("previous: checkCode expires_in")).toContainText(/= \d/);
  await expect(flow.fact("previous: checkCode expires_in")).toContainText(/≈ 10 min/);
  await expect(flow.fact("new: checkCode expires_in")).toContainText(/≈ 2 hrs/);
  await expect(flow.earlier).toHaveCount(2);
  await expect(flow.earlier.nth(0)).toContainText(`POST /mock/openplatform/OAuth2/ticket → 200`);
  await expect(flow.earlier.nth(1)).toContainText(`POST /mock/openplatform/OAuth2/checkCode → 200`);
  await flow.showOutcome();
  await snap(page, "openplatform-3-rotation");
  await flow.next();

  // 6. checkCode of the previous ticket: a timestamp shown as a date.
  await expect(flow.param("code")).toHaveValue(firstTicket);
  await flow.run("Send request");
  await flow.expectOutcome("success", "Valid: the previous ticket");
  await expect(flow.fact("data.expires_in")).toContainText(/^\d{10} = /);
  await expect(flow.fact("data.expires_in")).toContainText("An absolute Unix timestamp, not a duration");
  await expect(page.getByRole("complementary", { name: /checkCode's expires_in is a Unix timestamp, not a duration/ })).toBeVisible();
  await flow.showOutcome();
  await snap(page, "openplatform-4-checkcode");
  await flow.next();

  // 7. checkCode of the user access_token, with its open_id.
  await expect(flow.param("open_id")).not.toHaveValue("");
  await flow.run("Send request");
  await flow.expectOutcome("success", "The user access_token is valid until");
  await expect(flow.fact("data.expires_in")).toContainText(/^\d{10} = /);
  await traffic.expectHop(/200 POST \S*\/mock\/openplatform\/OAuth2\/checkCode/);

  // Without open_id: the "optional" parameter turns out required.
  await flow.param("open_id").fill("");
  await flow.run("Send request");
  await flow.expectOutcome("error", 'status "4102": open_id is required');
});

test("Open platform: the previous js_ticket stays valid for 10 minutes after rotation, then checkCode says 4102", async ({ page, workspace }) => {
  const flow = new OpenplatformFlow(page, workspace);
  await flow.showSecretsFromTheStart(); // values are read off the screen
  const clock = new ClockPanel(page);
  await flow.getTicket();
  await flow.open("openplatform", "rotate");
  await flow.run("Send request");
  await flow.expectOutcome("success", "the previous one now expires within 10 minutes");
  const newTicket = (await flow.fact("new ticket").locator("span.font-mono").textContent()) ?? "";

  await flow.open("openplatform", "check-ticket");
  await flow.run("Send request");
  await flow.expectOutcome("success", "Valid: the previous ticket");

  // The step's own clock button moves the clock the 10 minutes its explanation asks for.
  await flow.advanceClockAsAsked(/\+10 mins?/);
  await expect(clock.toggle).toContainText("+10m");
  await flow.run("Send request");
  await flow.expectOutcome("error", /status "4102": js_ticket is invalid — the previous ticket's 10-minute grace is over/);
  await expect(flow.fact("status (string)")).toContainText('"4102"');
  await expect(page.getByRole("region", { name: "Why this error" })).toContainText("10 more minutes");
  await flow.showOutcome();
  await snap(page, "openplatform-5-grace-over");

  // The new ticket lives on.
  await flow.param("code").fill(newTicket);
  await flow.run("Send request");
  await flow.expectOutcome("success", "Valid: the current ticket");
});

test("Open platform: a replayed code is refused with the string status \"4102\" and revokes the token it gave", async ({ page, workspace }) => {
  const flow = new OpenplatformFlow(page, workspace);
  await flow.saveApp();
  await flow.getCode();
  await flow.exchangeCode();
  await flow.run("Send request");
  await flow.expectOutcome("error", /status "4102": authorization_code is invalid/);
  await expect(flow.response).toContainText('"status": "4102"');
  await expect(flow.response).toContainText('"data": []');
  await expect(page.getByRole("complementary", { name: /Every failure is the string "4102"/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Why this error" })).toContainText("exchange it once");
  // In the traffic list the 200 that carries "4102" is marked failed; the first exchange, which worked, is not.
  const traffic = page.getByRole("list", { name: "Traffic" });
  await expect(traffic.getByRole("button", { name: /200.*an error answer/ })).toHaveCount(1);
  await expect(traffic.getByRole("button", { name: /\/OAuth2\/token/ })).toHaveCount(2);
  await flow.showOutcome();
  await snap(page, "openplatform-6-replayed-code");

  await flow.open("openplatform", "check-token");
  await flow.run("Send request");
  await flow.expectOutcome("error", /access_token is invalid/);
});

test("Open platform: JSON bodies work too, and a user token is refused by /OAuth2/ticket", async ({ page, workspace }) => {
  const flow = new OpenplatformFlow(page, workspace);
  await flow.showSecretsFromTheStart(); // values are read off the screen
  await flow.saveApp();
  await flow.getCode();
  await flow.open("openplatform", "token");
  await flow.option("JSON");
  const preview = page.getByRole("region", { name: "What will be sent" });
  await expect(preview).toContainText(/Content-Type: application\/json/i);
  await expect(preview).toContainText(`"app_id": "${APP_ID}"`);
  await flow.run("Send request");
  await flow.expectOutcome("success", "Got the user's open_id");
  const userToken = (await flow.fact("data.access_token").locator("span.font-mono").textContent()) ?? "";

  await flow.open("openplatform", "ticket");
  await flow.param("access_token").fill(userToken);
  await expect(page.getByText(/This is the user access_token from \/OAuth2\/token/)).toBeVisible();
  await flow.run("Send request");
  await flow.expectOutcome("error", /status "4102": server_access_token is invalid/);
  await expect(page.getByRole("complementary", { name: /Two different access_tokens/ })).toBeVisible();
});
