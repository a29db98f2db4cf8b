import { expect, type Page } from "@playwright/test";

/** The header's workspace control and its dialog: create, switch, rename, copy the link, delete. */
export class WorkspaceControl {
  constructor(readonly page: Page) {}

  /** The header button, named after the current workspace ("Workspace: <name>"). */
  get button() {
    return this.page.getByRole("button", { name: /^Workspace: / });
  }

  get dialog() {
    return this.page.getByRole("dialog", { name: "Workspaces" });
  }

  async expectCurrent(name: string) {
    await expect(this.button).toHaveAccessibleName(`Workspace: ${name}`);
  }

  /** Opens the dialog, unless it is open already. */
  async openDialog() {
    if (!(await this.dialog.isVisible())) await this.button.click();
    await expect(this.dialog).toBeVisible();
  }

  /** Creates a workspace (named, or named after the moment it was made) and waits until the page is in it; returns its id. */
  async create(name = ""): Promise<string> {
    await this.openDialog();
    await this.dialog.getByLabel("Name (optional)").fill(name);
    await this.dialog.getByRole("button", { name: "Create workspace" }).click();
    await expect(this.page).toHaveURL(/\/w\/[A-Za-z0-9_-]{8,32}(\/|$)/);
    if (name) await this.expectCurrent(name);
    return /\/w\/([A-Za-z0-9_-]{8,32})/.exec(this.page.url())![1]!;
  }

  async switchTo(name: string | RegExp) {
    await this.openDialog();
    await this.dialog.getByRole("list", { name: "All workspaces" }).getByRole("link", { name }).click();
    await expect(this.dialog).toBeHidden();
  }

  async rename(name: string) {
    await this.openDialog();
    await this.dialog.getByLabel("Workspace name").fill(name);
    await this.dialog.getByRole("button", { name: "Rename" }).click();
    await this.expectCurrent(name);
  }

  /** Copies the current workspace's link and reads it back from the clipboard (needs clipboard permissions). */
  async copyLink(): Promise<string> {
    await this.openDialog();
    await this.dialog.getByRole("button", { name: /^Copy link to / }).click();
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /** Deletes the current workspace, confirming; the page goes to the default workspace. */
  async deleteCurrent() {
    await this.openDialog();
    await this.dialog.getByRole("button", { name: "Delete workspace" }).click();
    await this.dialog.getByRole("alertdialog").getByRole("button", { name: "Delete", exact: true }).click();
    await this.expectCurrent("Default workspace");
  }

  async close() {
    await this.dialog.getByRole("button", { name: "Close" }).click();
    await expect(this.dialog).toBeHidden();
  }
}
