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
  await flow.saveClient();
  // What the setup step saved is listed, its secret as a fingerprint.
  await expect(flow.fact("client_secret")).toContainText(/\[redacted#[0-9a-f]{8}\]/);
  await expect(flow.fact("client_id")).toHaveText("messaging-client");
  const secretTag = /\[redacted#[0-9a-f]{8}\]/.exec((await flow.fact("client_secret").textContent()) ?? "")![0];
  await flow.obtainCode();
  await flow.next();
  const redact = page.getByRole("checkbox", { name: "Redact secrets" });
  await expect(redact).toBeChecked();

  // Before sending: the preview and the parameters hide the client secret, under the same
  // fingerprint as before the reload that the provider's login pages made.
  const willSend = page.getByRole("region", { name: "What will be sent" });
  await expect(willSend).toContainText(fingerprinted("client_secret"));
  await expect(willSend).toContainText(`client_secret = ${secretTag}`);
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

/** What the page shows, as the user reads it, but for what they typed themselves (a textarea's content is theirs). */
const shownText = (page: Page) =>
  page.evaluate(() => {
    const typed = [...document.querySelectorAll("textarea")];
    for (const t of typed) t.style.display = "none";
    const text = document.body.innerText;
    for (const t of typed) t.style.display = "";
    return text;
  });

const PASTED_CURL =
  '# curl -X POST -d "grant_type=authorization_code&code=W636oE&client_id=messaging-client&client_secret=secret&redirect_uri=http://localhost" http://localhost:8090/oauth/token';
const FINGERPRINT = /\[redacted#[0-9a-f]{8}\]/;
/** `secret` standing alone: the client secret's value, not `client_secret` or "Redact secrets". */
const SECRET_ALONE = /(?<![\w-])secret(?![\w-])/;

test("Redact secrets on the diagnose page: the pasted client_secret and code, the findings and the replay show fingerprints; Reveal shows one; unticked all is in clear", async ({ page, workspace }) => {
  await page.goto(workspace.path("/diagnose"));
  const redact = page.getByRole("checkbox", { name: "Redact secrets" });
  await expect(redact).toBeChecked();
  const pasted = page.getByLabel("Pasted evidence");
  await pasted.fill(PASTED_CURL);
  await page.getByRole("button", { name: "Diagnose", exact: true }).click();

  const table = page.getByRole("region", { name: "Parsed request" });
  const row = (name: string) => table.getByRole("row").filter({ has: page.getByRole("cell", { name, exact: true }) });
  await expect(row("client_secret").getByRole("cell").last()).toHaveText(FINGERPRINT);
  await expect(row("code").getByRole("cell").last()).toHaveText(FINGERPRINT);
  await expect(row("client_id").getByRole("cell").last()).toHaveText("messaging-client");
  const findings = page.getByRole("region", { name: "Findings" });
  await expect(findings.getByRole("listitem").filter({ hasText: "is the document's example value" })).toContainText(/code=“\[redacted#[0-9a-f]{8}\]”/);

  // The replay: its request, its answer (the mock names the code in its error) and its verdict.
  await page.getByRole("button", { name: "Replay against the mock" }).click();
  const replay = page.getByRole("region", { name: "Replay against the mock" });
  await expect(replay.getByRole("group", { name: "Response", exact: true })).toContainText("invalid_grant");
  await expect(replay.getByRole("group", { name: "Request", exact: true })).toContainText(fingerprinted("client_secret"));
  await expect(findings.getByRole("listitem").filter({ hasText: "The replay failed (HTTP 400)" })).toBeVisible();

  // Nowhere on the page but in the textarea, which stays as typed.
  let text = await shownText(page);
  expect(text).not.toContain("W636oE");
  expect(text).not.toMatch(SECRET_ALONE);
  expect(text).toMatch(FINGERPRINT);
  await expect(pasted).toHaveValue(PASTED_CURL);

  // What is copied is what is shown.
  await replay.getByRole("button", { name: "Copy as curl" }).click();
  const curl = await page.evaluate(() => navigator.clipboard.readText());
  expect(curl).toMatch(/client_secret=\[redacted#[0-9a-f]{8}\]/);
  expect(curl).not.toContain("W636oE");
  expect(curl).not.toMatch(SECRET_ALONE);

  // Reveal one value: it shows wherever it stands, the others stay hidden.
  await findings.getByRole("button", { name: "Reveal code" }).click();
  await expect(findings).toContainText("code=“W636oE” is the document's example value");
  await expect(row("code").getByRole("cell").last()).toHaveText("W636oE");
  await expect(row("client_secret").getByRole("cell").last()).toHaveText(FINGERPRINT);
  await findings.getByRole("button", { name: "Hide code" }).click();
  await expect(row("code").getByRole("cell").last()).toHaveText(FINGERPRINT);
  await table.getByRole("button", { name: "Reveal client_secret" }).click();
  await expect(row("client_secret").getByRole("cell").last()).toHaveText("secret");
  expect(await shownText(page)).not.toContain("W636oE");

  // Unticked, the page shows the evidence as pasted.
  await redact.uncheck();
  await expect(row("code").getByRole("cell").last()).toHaveText("W636oE");
  await expect(row("client_secret").getByRole("cell").last()).toHaveText("secret");
  text = await shownText(page);
  expect(text).toContain("code=“W636oE” is the document's example value");
  expect(text).not.toMatch(FINGERPRINT);
});

test("Redact secrets on the callback page: the code and state the provider came back with are fingerprints while it completes, and after it", async ({ page, workspace }) => {
  const flow = new SpringFlow(page, workspace);
  await flow.saveClient();
  await flow.goAuthorize();
  await flow.login();
  // The callback page completes the redirect once it has the registered clients: hold them, to see the page.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**${workspace.control("/fixtures")}`, async (route) => {
    await held;
    await route.continue();
  });
  await flow.approve();
  await expect(page.getByRole("heading", { level: 1, name: "Redirect callback" })).toBeVisible();
  const came = new URL(page.url()).searchParams;
  const code = came.get("code")!;
  const state = came.get("state")!;
  expect(code.length).toBeGreaterThan(3);
  expect(state.length).toBeGreaterThan(3);
  const main = page.getByRole("main");
  // On screen a fingerprint reads the same in a URL as beside it (#, not the %23 a valid URL needs).
  await expect(main).toContainText(/code=\[redacted#[0-9a-f]{8}\]/);
  await expect(main).toContainText(/state=\[redacted#[0-9a-f]{8}\]/);
  const onCallback = await shownText(page);
  expect(onCallback).not.toContain(code);
  expect(onCallback).not.toContain(state);
  await main.getByRole("button", { name: "Reveal code" }).click();
  await expect(main).toContainText(`code=${code}`);
  await main.getByRole("button", { name: "Hide code" }).click();
  await expect(main).not.toContainText(code);

  release();
  await expect(page).toHaveURL(/\/spring\/callback$/);
  await flow.expectOutcome("success", "Got an authorization code");
  await expect(flow.fact("code")).toContainText(FINGERPRINT);
  expect(await shownText(page)).not.toContain(code);
  // The code's Reveal sits beside its fingerprint, not under the expiry that follows it.
  const [tag, reveal] = [await flow.fact("code").getByText(FINGERPRINT).boundingBox(), await flow.fact("code").getByRole("button", { name: "Reveal code" }).boundingBox()];
  expect(Math.abs(reveal!.y + reveal!.height / 2 - (tag!.y + tag!.height / 2)), "Reveal on the fingerprint's line").toBeLessThan(8);
});

test("Redact secrets: a result's summary that quotes the answer hides the code it names", async ({ page, request, workspace }) => {
  const flow = new SpringFlow(page, workspace);
  await flow.obtainCode();
  await flow.next();
  await flow.run("Send request");
  await flow.expectOutcome("success");
  const { code } = await tokenSecrets(request, workspace);
  // The same code again: Spring answers "Invalid authorization code: <code>", and the summary quotes it.
  await flow.run("Send request");
  await flow.expectOutcome("error");
  const summary = page.locator("[data-outcome] > p").first();
  await expect(summary).toContainText(/Invalid authorization code: \[redacted#[0-9a-f]{8}\]/);
  await expect(summary).not.toContainText(code);
});
