import { expect, type Page } from "@playwright/test";
import type { Workspace } from "../fixtures.ts";

/** The parts of the playground every flow shares, in one workspace: steps, parameters, run button, outcome. */
export class WizardPage {
  constructor(
    readonly page: Page,
    readonly workspace: Pick<Workspace, "path">,
  ) {}

  /** The provider's flow (a step of it) in this page object's workspace. */
  async open(providerId: string, stepId?: string) {
    await this.page.goto(this.workspace.path(stepId ? `/${providerId}/${stepId}` : `/${providerId}`));
    await expect(this.stepHeading).toBeVisible();
  }

  get stepHeading() {
    return this.page.getByRole("heading", { level: 2 }).first();
  }

  step(name: string | RegExp) {
    return this.page.getByRole("navigation", { name: "Steps" }).getByRole("link", { name });
  }

  param(name: string) {
    return this.page.getByLabel(name, { exact: true });
  }

  async option(label: string | RegExp) {
    await this.page.getByRole("radio", { name: label }).check();
  }

  async run(name: string | RegExp = /Send request|Save|Go to the provider/) {
    await this.page.getByRole("button", { name }).click();
  }

  /** Unticks "Redact secrets" (remembered): for a test about the values themselves, not about redaction. */
  /**
   * For a test that reads codes and tokens off the screen from its first page on: every page this
   * test opens starts with "Redact secrets" unticked (as if the user had unticked it before).
   */
  async showSecretsFromTheStart() {
    await this.page.addInitScript(() => localStorage.setItem("oauth-playground.redaction", JSON.stringify({ state: { redact: false }, version: 0 })));
  }

  async showSecrets() {
    const redact = this.page.getByRole("checkbox", { name: "Redact secrets" });
    await redact.uncheck();
    await expect(redact).not.toBeChecked();
  }

  get outcome() {
    return this.page.locator("[data-outcome]");
  }

  async expectOutcome(status: "success" | "error" | "warning", text?: string | RegExp) {
    await expect(this.outcome).toHaveAttribute("data-outcome", status);
    if (text) await expect(this.outcome).toContainText(text);
  }

  /** The clock move the current step asks for, from its own button beside "Send request"; returns once the mock's clock moved. */
  async advanceClockAsAsked(amount: RegExp) {
    const button = this.page.getByRole("main").getByRole("button", { name: new RegExp(`^Advance the virtual clock ${amount.source}`) });
    await Promise.all([this.page.waitForResponse((r) => r.url().endsWith("/mock/_control/clock/advance") && r.ok()), button.click()]);
  }

  async next() {
    await this.page.getByRole("button", { name: /Next step/ }).click();
  }

  /** The response section of the current step's result. */
  get response() {
    return this.page.getByRole("region", { name: "What came back" }).getByRole("group", { name: "Response" });
  }

  /** Scrolls the result into view (for screenshots), if there is one. */
  async showOutcome() {
    if (await this.outcome.count()) await this.outcome.scrollIntoViewIfNeeded();
  }

  /** A fact's value in the outcome, by its label. */
  fact(label: string | RegExp) {
    return this.outcome.locator("dt", { hasText: label }).locator("xpath=following-sibling::dd[1]");
  }

  /** The earlier exchanges of the current run, as "<method> <path> → <status>" summaries. */
  get earlier() {
    return this.page.getByRole("region", { name: "What came back" }).locator("details > summary");
  }
}
