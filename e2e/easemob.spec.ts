import { expect, snap, test } from "./fixtures.ts";
import { ClockPanel } from "./pages/clock.ts";
import { EASEMOB_APP, EasemobFlow } from "./pages/easemob.ts";
import { TrafficPanel } from "./pages/traffic.ts";

const USERS = /GET \S*\/mock\/easemob\/easemob-demo\/testapp\/users/;
const TOKEN = /POST \S*\/mock\/easemob\/easemob-demo\/testapp\/token/;

test("Easemob: from the home page to an app token, a users call and a cached token, every hop in the traffic panel", async ({ page, workspace }) => {
  const flow = new EasemobFlow(page, workspace);
  const traffic = new TrafficPanel(page);

  await page.goto(workspace.path("/"));
  await page.getByRole("link", { name: /Easemob \(环信\) app token/ }).click();
  await expect(flow.param("host")).toHaveValue("a1.easemob.com");
  await expect(flow.param("org_name")).toHaveValue(EASEMOB_APP.org_name);
  await expect(flow.param("app_name")).toHaveValue(EASEMOB_APP.app_name);
  await expect(flow.param("client_id")).toHaveValue(EASEMOB_APP.client_id);
  await expect(flow.param("client_secret")).toHaveValue(EASEMOB_APP.client_secret);
  // The host mapping: the document's https://{host} is the mock base here.
  await expect(page.getByText(/In the playground every host maps to this page's origin \+ \/mock\/easemob/)).toBeVisible();
  await expect(page.getByRole("complementary", { name: /\{host\} comes from the console/ })).toBeVisible();
  await flow.showOutcome();
  await snap(page, "easemob-1-setup");
  await flow.run("Save");
  await flow.next();

  const preview = page.getByRole("region", { name: "What will be sent" });
  await expect(preview).toContainText(`POST ${workspace.base}/mock/easemob/easemob-demo/testapp/token`);
  await expect(preview).toContainText(/Content-Type: application\/json/i);
  await expect(preview).toContainText(/Accept: application\/json/i);
  await expect(preview).toContainText('"ttl": "1024000"');
  await flow.run("Send request");
  await flow.expectOutcome("success", "App token issued");
  await expect(flow.response).toContainText('"expires_in": 1024000');
  await expect(flow.response).toContainText('"application": "8be024f0-e978-11e8-b697-5d598d5f8402"');
  await expect(flow.outcome).toContainText("https://a1.easemob.com/easemob-demo/testapp/token");
  await expect(flow.outcome).toContainText(new RegExp(`http://localhost:\\d+${workspace.base}/mock/easemob/easemob-demo/testapp/token`));
  await expect(page.getByRole("complementary", { name: /ttl is a Long, but the example sends the string/ })).toBeVisible();
  await traffic.expectHop(new RegExp(`200 ${TOKEN.source}`));
  await flow.showOutcome();
  await snap(page, "easemob-2-token");
  await flow.next();

  await expect(flow.param("access_token")).toHaveValue(/^YWMt/);
  await flow.run("Send request");
  await flow.expectOutcome("success", "The API accepted the token");
  await expect(flow.response).toContainText('"username": "user1"');
  await traffic.expectHop(new RegExp(`200 ${USERS.source}`));
  await flow.showOutcome();
  await snap(page, "easemob-3-users");
  await flow.next();

  await flow.run("Send request");
  await flow.expectOutcome("success", "Used the cached token: no new token requested");
  await expect(flow.earlier).toHaveCount(0);
  await flow.showOutcome();
  await snap(page, "easemob-4-cache");
});

test("Easemob: after the token's ttl a users call gets 401; auto-retry fetches a new token and shows both calls", async ({ page, workspace }) => {
  const flow = new EasemobFlow(page, workspace);
  const clock = new ClockPanel(page);
  const traffic = new TrafficPanel(page);
  await flow.getToken("3600");
  await flow.open("easemob", "users");
  await clock.advance("+2 h");

  // Without the retry: the bare 401, explained.
  await flow.option(/Off: show the 401/);
  await flow.run("Send request");
  await flow.expectOutcome("error", /unauthorized: Unable to authenticate due to expired access token/);
  await expect(page.getByRole("region", { name: "Why this error" })).toContainText("Fetch a new token");

  await flow.option(/On: 401 → new token → retry/);
  await flow.run("Send request");
  await flow.expectOutcome("success", "401 → fetched a new token → retried: 200 (3 requests)");
  await expect(flow.earlier).toHaveCount(2);
  await expect(flow.earlier.nth(0)).toContainText(/GET \S*\/mock\/easemob\/easemob-demo\/testapp\/users → 401/);
  await expect(flow.earlier.nth(1)).toContainText(/POST \S*\/mock\/easemob\/easemob-demo\/testapp\/token → 200/);
  await expect(flow.response).toContainText('"username": "user1"');
  await traffic.expectHop(new RegExp(`401 ${USERS.source}`));
  await traffic.expectHop(new RegExp(`200 ${USERS.source}`));
  await flow.showOutcome();
  await snap(page, "easemob-5-401-retry");

  // The retried token is now the flow's token: the next call needs no retry.
  await flow.run("Send request");
  await flow.expectOutcome("success", "The API accepted the token");
});

test("Easemob: ttl 0 never expires, and the cache step refetches only near expiry", async ({ page, workspace }) => {
  const flow = new EasemobFlow(page, workspace);
  const clock = new ClockPanel(page);
  await flow.saveApp();
  await flow.open("easemob", "token");
  await flow.option(/0 \(never expires\)/);
  await expect(page.getByRole("region", { name: "What will be sent" })).toContainText('"ttl": 0');
  await flow.run("Send request");
  await flow.expectOutcome("success", "ttl 0: it never expires");
  await expect(flow.outcome).toContainText("never expires");
  await clock.advance("+1 day");
  await flow.open("easemob", "cache");
  await flow.run("Send request");
  await flow.expectOutcome("success", "Used the cached token");

  // A token with less than the margin left is replaced before the call.
  await flow.open("easemob", "token");
  await flow.option(/As a number/);
  await flow.param("ttl").fill("1800");
  await expect(page.getByRole("region", { name: "What will be sent" })).toContainText('"ttl": 1800');
  await flow.run("Send request");
  await flow.expectOutcome("success", "App token issued");
  await expect(flow.response).toContainText('"expires_in": 1800');
  await flow.open("easemob", "cache");
  await flow.run("Send request");
  await flow.expectOutcome("success", "near expiry: fetched a new one, then called the API (2 requests)");
  await expect(flow.earlier).toHaveCount(1);
  await expect(flow.earlier.first()).toContainText(/POST \S*\/mock\/easemob\/easemob-demo\/testapp\/token → 200/);
});

test("Easemob: too many token requests get 429 and a ban that ends when the clock passes ban_seconds", async ({ page, workspace }) => {
  const flow = new EasemobFlow(page, workspace);
  await flow.showSecretsFromTheStart(); // values are read off the screen
  const traffic = new TrafficPanel(page);
  await flow.getToken();
  await flow.open("easemob", "ban");
  await expect(flow.param("max_attempts")).toHaveValue("6");
  await flow.run("Send request");
  await flow.expectOutcome("warning", /Banned: 4 token requests succeeded, then HTTP 429 reach_limit/);
  await expect(flow.fact("rate_limit_max_requests")).toHaveText(/^5/);
  await expect(flow.fact("ban_seconds")).toHaveText("600");
  await expect(flow.fact("Retry-After")).toHaveText("600 s");
  await expect(page.getByRole("region", { name: "Why this error" })).toContainText("cache the token");
  await traffic.expectHop(new RegExp(`429 ${TOKEN.source}`));
  await flow.showOutcome();
  await snap(page, "easemob-6-ban");
  await flow.next();

  await flow.run("Send request");
  await flow.expectOutcome("error", /Still banned: 429 reach_limit, Retry-After \d+ s/);
  // The token already issued still works: only the token endpoint is refused.
  // The step offers the ban's length, read from the fixtures, as its clock move.
  await flow.advanceClockAsAsked(/\+10 mins?/);
  await flow.run("Send request");
  await flow.expectOutcome("success", "The ban is over");
  await expect(flow.response).toContainText('"access_token": "YWMt');
  await flow.showOutcome();
  await snap(page, "easemob-7-ban-over");
});

test("Easemob: a form body is refused with 415 and explained", async ({ page, workspace }) => {
  const flow = new EasemobFlow(page, workspace);
  await flow.saveApp();
  await flow.open("easemob", "token");
  await flow.option(/Form \(reproduces the 415\)/);
  await flow.run("Send request");
  await flow.expectOutcome("error", "unsupported_media_type");
  await expect(page.getByRole("region", { name: "Why this error" })).toContainText("Content-Type: application/json");
});
