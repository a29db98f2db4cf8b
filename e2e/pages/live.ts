import { expect, type Page } from "@playwright/test";

/** A flow's Target control, and the Spring-style oidc-provider's own login and consent pages. */
export class LiveTarget {
  constructor(readonly page: Page) {}

  get control() {
    return this.page.getByRole("group", { name: /^(Target|目标服务器)/ });
  }

  get base() {
    return this.page.getByLabel(/^(Base URL of the real server|真实服务器的基础地址)$/);
  }

  /** Picks "Real server", types the base and saves it for the workspace; waits until the flow is live. */
  async useRealServer(base?: string) {
    await this.control.getByRole("radio", { name: /Real server|真实服务器/ }).check();
    if (base !== undefined) await this.base.fill(base);
    await this.control.getByRole("button", { name: /Use this server|使用此服务器/ }).click();
  }

  async expectLive(base: string) {
    await expect(this.control.getByRole("status")).toContainText(base);
  }

  async useBundledMock() {
    await this.control.getByRole("radio", { name: /Bundled mock|内置模拟服务器/ }).check();
  }

  /** The redirect_uri the control tells the user to register on their server. */
  get redirectUri() {
    return this.control.getByTestId("live-redirect-uri");
  }

  /** What a user does on oidc-provider's devInteractions pages: any login and password, then Continue on the consent page. */
  async signInAndConsent(login = "user", password = "password") {
    await expect(this.page.getByRole("button", { name: "Sign-in" })).toBeVisible();
    await this.page.getByPlaceholder("Enter any login").fill(login);
    await this.page.getByPlaceholder("and password").fill(password);
    await this.page.getByRole("button", { name: "Sign-in" }).click();
    await this.page.getByRole("button", { name: "Continue" }).click();
  }

  /** The current step's list of differences from the document. */
  get differences() {
    return this.page.getByRole("region", { name: /Differences from the document|与文档的差异/ }).getByRole("listitem");
  }
}
