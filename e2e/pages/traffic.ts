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
}
