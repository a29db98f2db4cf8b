import { expect } from "@playwright/test";
import { WizardPage } from "./wizard.ts";

/** The demo user the mock seeds (shown on its 应用授权 page too). */
export const PP_USER = { email: "kefu@ppmessage-demo.com", password: "ppmessage123" };

/** The PPMessage flow and the mock's 应用授权 page. */
export class PpmessageFlow extends WizardPage {
  async saveClient(app: "kefu" | "console" = "kefu") {
    await this.open("ppmessage", "client");
    await this.option(new RegExp(`^${app}`));
    await this.run("Save");
    await this.expectOutcome("success");
  }

  async goAuthorize() {
    await this.open("ppmessage", "authorize");
    await this.run("Go to the provider");
  }

  get authorizeHeading() {
    return this.page.getByRole("heading", { name: "应用授权", exact: true });
  }

  /** Fills the 应用授权 page and clicks 继续. */
  async login(email = PP_USER.email, password = PP_USER.password) {
    await expect(this.authorizeHeading).toBeVisible();
    await this.page.getByLabel("邮箱 Email").fill(email);
    await this.page.getByLabel("密码 Password").fill(password);
    await this.page.getByRole("button", { name: "继续" }).click();
  }

  /** Client setup → /ppauth/auth → 应用授权 → callback, ending on the callback step. */
  async obtainCode() {
    await this.saveClient();
    await this.goAuthorize();
    await this.login();
    await expect(this.page).toHaveURL(/\/ppmessage\/callback$/);
    await this.expectOutcome("success", "Got an authorization code");
  }

  /** obtainCode, then the token exchange, ending on the token step with a token. */
  async obtainToken() {
    await this.obtainCode();
    await this.next();
    await this.run("Send request");
    await this.expectOutcome("success", "Token issued");
  }
}
