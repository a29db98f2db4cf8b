import { expect } from "@playwright/test";
import { WizardPage } from "./wizard.ts";

/** The Pigai (批改网) flow: JSONP in the browser, client_credentials on the server side. */
export class PigaiFlow extends WizardPage {
  async saveClient() {
    await this.open("pigai", "client");
    await this.run("Save");
    await this.expectOutcome("success");
  }

  /** Method one with the chosen callback naming. */
  async runJsonp(style: "script" | "jquery") {
    await this.open("pigai", "jsonp");
    await this.option(style === "jquery" ? /The jQuery way/ : /<script> element/);
    await this.run("Send request");
  }

  /** Method two: the server-side token request. */
  async runServerSide(secret?: string) {
    await this.open("pigai", "token");
    if (secret !== undefined) await this.param("client_secret").fill(secret);
    await this.run("Send request");
  }

  get whyError() {
    return this.page.getByRole("region", { name: "Why this error" });
  }

  async expectFact(label: string, value: string | RegExp) {
    await expect(this.outcome.locator("dt", { hasText: label }).first()).toBeVisible();
    await expect(this.outcome.locator("dt", { hasText: label }).first().locator("xpath=following-sibling::dd[1]")).toContainText(value);
  }
}
