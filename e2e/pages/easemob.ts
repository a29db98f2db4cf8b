import { WizardPage } from "./wizard.ts";

/** The document's own example credentials, seeded exactly by the mock. */
export const EASEMOB_APP = {
  org_name: "easemob-demo",
  app_name: "testapp",
  client_id: "YXA6i-Ak8Ol4Eei2l11ZjV-EAg",
  client_secret: "YXA6VunqiNxoB7IwXHInk1cGiXOOJfc",
};

/** The Easemob app-token flow: setup, token, users call with auto-retry, cache, ban. */
export class EasemobFlow extends WizardPage {
  async saveApp() {
    await this.open("easemob", "app");
    await this.run("Save");
    await this.expectOutcome("success");
  }

  /** Setup → token (with the document's ttl unless told otherwise), ending on the token step. */
  async getToken(ttl?: string) {
    await this.saveApp();
    await this.open("easemob", "token");
    if (ttl !== undefined) await this.param("ttl").fill(ttl);
    await this.run("Send request");
    await this.expectOutcome("success", "App token issued");
  }
}
