import type { Page } from "@playwright/test";

/** The virtual clock in the header. Each action returns once the mock has moved its clock. */
export class ClockPanel {
  constructor(readonly page: Page) {}

  get group() {
    return this.page.getByRole("group", { name: "Virtual clock" });
  }

  /** The header's clock button: the virtual time of day and the offset; it opens the controls. */
  get toggle() {
    return this.group.getByRole("button", { name: /^Virtual clock: / });
  }

  async open() {
    if ((await this.toggle.getAttribute("aria-expanded")) !== "true") await this.toggle.click();
  }

  private async answered(path: string, action: () => Promise<void>) {
    await Promise.all([this.page.waitForResponse((r) => r.url().endsWith(`/mock/_control${path}`) && r.ok()), action()]);
  }

  async advance(preset: "+10 min" | "+2 h" | "+1 day") {
    await this.open();
    // The units are the language's own (Intl): "+10 mins", "+2 hrs", "+1 day".
    const name = new RegExp(`^Advance the clock by \\${preset}`);
    await this.answered("/clock/advance", () => this.group.getByRole("button", { name }).click());
  }

  async advanceSeconds(seconds: number) {
    await this.open();
    await this.group.getByLabel(/Advance the clock by/).fill(String(seconds));
    await this.answered("/clock/advance", () => this.group.getByRole("button", { name: "Advance", exact: true }).click());
  }

  async resetMocks() {
    await this.open();
    await this.answered("/reset", () => this.group.getByRole("button", { name: "Reset mocks" }).click());
  }
}
