import { expect, type Page } from "@playwright/test";

/** A provider's error-scenario catalogue in the left column, and the banner a reproduction shows. */
export class ScenarioPanel {
  constructor(readonly page: Page) {}

  get list() {
    return this.page.getByRole("list", { name: "Error scenarios" });
  }

  get cards() {
    return this.list.getByRole("listitem");
  }

  get filterBox() {
    return this.page.getByRole("searchbox", { name: "Filter scenarios" });
  }

  /** Keeps the scenarios that mention every word (an error code, a phrase of the message). */
  async filter(text: string) {
    await this.filterBox.fill(text);
  }

  /** Every Reproduce button shown, in order. */
  get reproduceButtons() {
    return this.list.getByRole("button", { name: /^Reproduce: / });
  }

  /** The titles of the scenarios shown, in order. */
  async titles(): Promise<string[]> {
    const labels = await this.reproduceButtons.evaluateAll((buttons) => buttons.map((b) => b.getAttribute("aria-label") ?? ""));
    return labels.map((label) => label.replace(/^Reproduce: /, ""));
  }

  reproduceButton(title: string) {
    return this.page.getByRole("button", { name: `Reproduce: ${title}` });
  }

  /** The banner of a reproduced scenario: what the customer sees, cause, fix, the document's line. */
  banner(title: string) {
    return this.page.getByRole("region", { name: `Scenario: ${title}` });
  }

  /** Reproduces the scenario and waits for its failing step; returns the text the step's answer must show. */
  async reproduce(title: string): Promise<string> {
    await this.reproduceButton(title).click();
    return this.shown(title);
  }

  /** Opens a scenario link (`/<provider>?scenario=<id>`), which reproduces it, and waits like reproduce(). */
  async openLink(providerId: string, scenarioId: string, title: string): Promise<string> {
    await this.page.goto(`/${providerId}?scenario=${encodeURIComponent(scenarioId)}`);
    return this.shown(title);
  }

  private async shown(title: string): Promise<string> {
    const banner = this.banner(title);
    await expect(banner).toBeVisible({ timeout: 15_000 });
    return (await banner.getByTestId("scenario-shows").textContent()) ?? "";
  }
}
