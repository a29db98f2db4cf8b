import { WizardPage } from "./wizard.ts";

/** The open platform flow: simulated login-free code, /OAuth2/token, server token, js_ticket, checkCode. */
export class OpenplatformFlow extends WizardPage {
  async saveApp() {
    await this.open("openplatform", "app");
    await this.run("Save");
    await this.expectOutcome("success");
  }

  async getCode() {
    await this.open("openplatform", "code");
    await this.run("Send request");
    await this.expectOutcome("success", "Got a login-free code");
  }

  async exchangeCode() {
    await this.open("openplatform", "token");
    await this.run("Send request");
    await this.expectOutcome("success", "Got the user's open_id");
  }

  /** Setup → server token → first js_ticket, ending on the ticket step. */
  async getTicket() {
    await this.saveApp();
    await this.open("openplatform", "server-token");
    await this.run("Send request");
    await this.expectOutcome("success", "Got a server access_token");
    await this.open("openplatform", "ticket");
    await this.run("Send request");
    await this.expectOutcome("success", "Got a js_ticket");
  }
}
