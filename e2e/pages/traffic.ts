import { expect, type Page } from "@playwright/test";

/** The live traffic panel: every hop the mock saw. */
export class TrafficPanel {
  constructor(readonly page: Page) {}

  get list() {
    return this.page.getByRole("list", { name: "Traffic" });
  }

  entry(text: string | RegExp) {
    return this.list.getByRole("button", { name: text });
  }

  async expectHop(text: string | RegExp) {
    await expect(this.entry(text).first()).toBeVisible();
  }

  async open(text: string | RegExp) {
    await this.entry(text).first().click();
  }

  /** The panel's fold toggle: "Hide traffic" while open, "Show traffic" while folded. */
  get toggle() {
    return this.page.getByRole("button", { name: /^(Hide|Show) traffic$/ });
  }

  /** Folds the panel down to its title bar (remembered across reloads). */
  async hide() {
    await this.page.getByRole("button", { name: "Hide traffic" }).click();
  }

  async show() {
    await this.page.getByRole("button", { name: "Show traffic" }).click();
  }
}
