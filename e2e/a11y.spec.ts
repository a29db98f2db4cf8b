import { expect, test } from "./fixtures.ts";
import { chooseLook, expectNoViolations, LOOKS } from "./pages/axe.ts";
import { PP_USER, PpmessageFlow } from "./pages/ppmessage.ts";
import { SpringFlow } from "./pages/spring.ts";

test("Accessibility: the home page in both looks", async ({ page, workspace }) => {
  await page.goto(workspace.path("/"));
  for (const look of LOOKS) {
    await chooseLook(page, look);
    await expectNoViolations(page, `home, ${look.name}`);
  }
});

// Every step of every flow is scanned in e2e/every-step.spec.ts, in the same walk as its layout check.

test("Accessibility: step states after running (results, errors, quirks, scenario banner), both themes", async ({ page, workspace }) => {
  // Six full axe scans: on a busy 2-core machine each takes seconds.
  test.slow();
  const flow = new SpringFlow(page, workspace);
  await flow.obtainCode();
  await expectNoViolations(page, "callback result");
  await flow.next();
  await flow.run("Send request");
  await flow.expectOutcome("success");
  await expectNoViolations(page, "token result");
  await flow.run("Send request");
  await flow.expectOutcome("error");
  await expectNoViolations(page, "error with explanation");
  await chooseLook(page, LOOKS[1]);
  await expectNoViolations(page, "error with explanation, dark zh");
  await page.getByRole("button", { name: /^复现: / }).first().click();
  await expect(page.getByTestId("scenario-shows")).toBeVisible();
  await expectNoViolations(page, "scenario banner, dark zh");
  await page.getByRole("button", { name: "收起流量" }).click();
  await expect(page.getByRole("button", { name: "展开流量" })).toHaveAttribute("aria-expanded", "false");
  await expectNoViolations(page, "traffic folded, dark zh");
});

for (const look of LOOKS) {
  test(`Accessibility: the workspace control, its dialog and its delete confirmation, and the gone page, ${look.name}`, async ({ page, workspace }) => {
    test.setTimeout(90_000);
    await page.goto(workspace.path("/spring"));
    await expect(page.locator("#step-title")).toBeVisible();
    await chooseLook(page, look);
    const control = page.getByRole("button", { name: /^(Workspace: |工作区：)/ });
    await control.click();
    const dialog = page.getByRole("dialog", { name: /^(Workspaces|工作区)$/ });
    await expect(dialog).toBeVisible();
    await expectNoViolations(page, "workspace dialog");
    await dialog.getByRole("button", { name: /^(Delete workspace|删除工作区)$/ }).click();
    await expect(dialog.getByRole("alertdialog")).toBeVisible();
    await expectNoViolations(page, "workspace delete confirmation");
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(control).toBeFocused();
    await page.goto("/w/NoSuchWorkspace42/spring");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^(This workspace is gone|此工作区已不存在)$/);
    await expectNoViolations(page, "workspace gone");
  });
}

test("Accessibility: the mock's own login and approval pages", async ({ page, workspace }) => {
  const flow = new SpringFlow(page, workspace);
  await flow.saveClient();
  await flow.goAuthorize();
  await expect(page.getByRole("heading", { name: "Please sign in" })).toBeVisible();
  await expectNoViolations(page, "spring login");
  await flow.login();
  await expect(page.getByRole("heading", { name: "OAuth Approval" })).toBeVisible();
  await expectNoViolations(page, "spring approval");
});

test("Accessibility: PPMessage's 应用授权 page, also after a wrong password", async ({ page, workspace }) => {
  const flow = new PpmessageFlow(page, workspace);
  await flow.saveClient();
  await flow.goAuthorize();
  await expect(flow.authorizeHeading).toBeVisible();
  await expectNoViolations(page, "ppmessage 应用授权");
  await flow.login(PP_USER.email, "wrong-password");
  await expect(page.getByRole("alert")).toBeVisible();
  await expectNoViolations(page, "ppmessage 应用授权 with error");
});

test("Keyboard: the flow is operable without a mouse and focus follows the step", async ({ page, workspace }) => {
  await page.goto(workspace.path("/spring/client"));
  await expect(page.locator("#step-title")).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to current step" })).toBeFocused();
  const save = page.getByRole("button", { name: "Save" });
  await save.focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("[data-outcome]")).toHaveAttribute("data-outcome", "success");
  await page.getByRole("button", { name: /Next step/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("#step-title")).toBeFocused();
  await expect(page.locator("#step-title")).toContainText("Authorize");
});

test("Keyboard: back from the provider's pages, focus is on the current step's heading; the skip link goes there too", async ({ page, workspace }) => {
  const flow = new SpringFlow(page, workspace);
  await flow.obtainCode();
  // The callback loaded the page anew: without help the focus would be on the body, 40 Tabs from "Next step".
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("step-title");
  await expect(page.locator("#step-title")).toContainText("Redirect back");
  // The next Tab stays in the step, not back at the top of the page.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => !!document.activeElement?.closest("#main"))).toBe(true);
  // On a page opened by link, the first Tab stop is the skip link, and it lands on the step.
  await page.goto("/spring/token");
  await expect(page.locator("#step-title")).toBeVisible();
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to current step" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("step-title");
  await page.goto("/");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
});
