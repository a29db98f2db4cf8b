import { expect } from "@playwright/test";
import { WizardPage } from "./wizard.ts";

/** The Spring flow and the mock's own login and approval pages. */
export class SpringFlow extends WizardPage {
  async saveClient() {
    await this.open("spring", "client");
    await this.run("Save");
    await this.expectOutcome("success");
  }

  async goAuthorize() {
    await this.open("spring", "authorize");
    await this.run("Go to the provider");
  }

  async login(username = "user", password = "password") {
    await expect(this.page.getByRole("heading", { name: "Please sign in" })).toBeVisible();
    await this.page.getByLabel("Username").fill(username);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }

  async approve() {
    await expect(this.page.getByRole("heading", { name: "OAuth Approval" })).toBeVisible();
    await this.page.getByRole("button", { name: "Authorize" }).click();
  }

  async deny() {
    await expect(this.page.getByRole("heading", { name: "OAuth Approval" })).toBeVisible();
    await this.page.getByRole("button", { name: "Deny" }).click();
  }

  /** Client setup → authorize → login → approve, ending on the callback step. */
  async obtainCode() {
    await this.saveClient();
    await this.goAuthorize();
    await this.login();
    await this.approve();
    await expect(this.page).toHaveURL(/\/spring\/callback$/);
    await this.expectOutcome("success", "Got an authorization code");
  }
}
