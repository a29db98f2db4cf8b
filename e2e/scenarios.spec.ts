import { expect, snap, test } from "./fixtures.ts";
import { ScenarioPanel } from "./pages/scenarios.ts";
import { TrafficPanel } from "./pages/traffic.ts";
import { WizardPage } from "./pages/wizard.ts";

const PROVIDERS = ["spring", "ppmessage", "pigai", "easemob", "openplatform"];

/** Every scenario in every provider's catalogue: one click reproduces it, the failing step explains it. */
for (const provider of PROVIDERS) {
  test(`Scenarios: every ${provider} error in the catalogue reproduces in one click`, async ({ page, workspace }) => {
    const wizard = new WizardPage(page, workspace);
    const scenarios = new ScenarioPanel(page);
    await wizard.open(provider);
    await expect(scenarios.reproduceButtons.first(), `${provider} offers error scenarios`).toBeVisible();
    const titles = await scenarios.titles();
    test.info().annotations.push({ type: "scenarios", description: String(titles.length) });
    expect(titles.length, `${provider} has at least five scenarios`).toBeGreaterThanOrEqual(5);
    for (const [i, title] of titles.entries()) {
      await test.step(title, async () => {
        const shows = await scenarios.reproduce(title);
        const cameBack = page.getByRole("region", { name: "What came back" });
        await expect(cameBack).toContainText(shows);
        await expect(cameBack.locator("[data-outcome]")).toHaveAttribute("data-outcome", /error|warning/);
        // The scenario's card starts in view (its first line, with Dismiss, whole), not scrolled away below the step's explanation.
        await expect(page.getByRole("region", { name: `Scenario: ${title}` }).getByRole("button", { name: "Dismiss" })).toBeInViewport({ ratio: 1 });
        // One cause in view, the scenario's: a general explanation of the error is folded beneath a pointer to the card.
        await expect(page.getByText(/^Cause:/).filter({ visible: true }), `${title}: one cause in view`).toHaveCount(1);
        if (i === 0) await snap(page, `${provider}-scenario`);
      });
    }
  });
}

test("Scenarios: the failing exchange is highlighted and selected in the traffic panel, which stays folded if the user folded it", async ({ page, workspace }) => {
  const wizard = new WizardPage(page, workspace);
  const traffic = new TrafficPanel(page);
  await wizard.open("spring");
  // Folded beforehand: the user's choice holds (the count in the title bar still grows), and unfolding shows the evidence.
  await traffic.hide();
  await new ScenarioPanel(page).reproduce("Authorization code used twice");
  await expect(traffic.toggle).toHaveAccessibleName("Show traffic");
  await expect(traffic.list).toBeHidden();
  await expect(page.getByRole("heading", { name: /Traffic \([1-9]\d*\)/ })).toBeVisible();
  await traffic.show();
  const failing = traffic.list.getByRole("button", { name: /failing exchange/ });
  await expect(failing).toContainText("400");
  await expect(failing).toHaveAttribute("aria-current", "true");
});

test("Scenarios: the catalogue filters by what the customer reports", async ({ page, workspace }) => {
  const wizard = new WizardPage(page, workspace);
  const scenarios = new ScenarioPanel(page);
  await wizard.open("spring");
  await expect(scenarios.cards.first()).toBeVisible();
  const all = await scenarios.cards.count();
  expect(all).toBeGreaterThan(1);
  await scenarios.filter("redirect_uri_mismatch");
  await expect(scenarios.cards).toHaveCount(1);
  await expect(scenarios.list).toContainText("redirect_uri differs at the token endpoint");
  await expect(page.getByText(`1 of ${all} shown`)).toBeVisible();
  await scenarios.filter("no-such-error-anywhere");
  await expect(scenarios.cards).toHaveCount(0);
  await expect(page.getByText("No scenario matches.", { exact: false })).toBeVisible();
  await scenarios.filter("");
  await expect(scenarios.cards).toHaveCount(all);
});

test("Scenarios: a scenario link reproduces it on open, once", async ({ page, context, workspace }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const title = "redirect_uri differs at the token endpoint";
  const wizard = new WizardPage(page, workspace);
  await wizard.open("spring");
  await page.getByRole("button", { name: `Copy link: ${title}` }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(link).pathname + new URL(link).search).toBe("/spring?scenario=redirect-uri-mismatch");

  // Opened in a fresh page, as someone reading the ticket would (openLink goes to that URL).
  const reader = await context.newPage();
  const shows = await new ScenarioPanel(reader).openLink("spring", "redirect-uri-mismatch", title);
  await expect(reader.getByRole("region", { name: "What came back" })).toContainText(shows);
  await expect(reader).not.toHaveURL(/scenario=/);

  await reader.goto(workspace.path("/spring?scenario=no-such-scenario"));
  await expect(reader.getByRole("alert")).toContainText("This link names a scenario that does not exist here: no-such-scenario");
  await new ScenarioPanel(reader).reproduce(title);
  await expect(reader.getByText("This link names a scenario", { exact: false })).toBeHidden();
});

test("Scenarios: after a reproduction the step list ticks every step it went through, the redirect included", async ({ page, workspace }) => {
  const wizard = new WizardPage(page, workspace);
  await wizard.open("spring");
  await new ScenarioPanel(page).reproduce("Authorization code used twice");
  await expect(wizard.step(/Client setup/)).toContainText("(success)");
  await expect(wizard.step(/^Authorize/)).toContainText("(success)");
  await expect(wizard.step(/Redirect back with the code/)).toContainText("(success)");
  await expect(wizard.step(/Exchange the code/)).toContainText("(error)");
  await expect(wizard.step(/^Refresh/)).not.toContainText("(");
});
