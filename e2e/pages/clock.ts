import type { Page } from "@playwright/test";

/** The virtual clock in the header. */
export class ClockPanel {
  constructor(readonly page: Page) {}

  get group() {
    return this.page.getByRole("group", { name: "Virtual clock" });
  }

  async advance(preset: "+10 min" | "+2 h" | "+1 day") {
    await this.group.getByRole("button", { name: `Advance the clock by ${preset}` }).click();
  }

  async advanceSeconds(seconds: number) {
    await this.group.getByLabel(/Advance the clock by/).fill(String(seconds));
    await this.group.getByRole("button", { name: "Advance", exact: true }).click();
  }

  async resetMocks() {
    await this.group.getByRole("button", { name: "Reset mocks" }).click();
  }
}
