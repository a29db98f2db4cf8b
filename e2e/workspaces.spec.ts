import { DEFAULT_WORKSPACE, expect, snap, test, workspaceOf } from "./fixtures.ts";
import { PigaiFlow } from "./pages/pigai.ts";
import { ScenarioPanel } from "./pages/scenarios.ts";
import { SpringFlow } from "./pages/spring.ts";
import { TrafficPanel } from "./pages/traffic.ts";
import { WizardPage } from "./pages/wizard.ts";
import { WorkspaceControl } from "./pages/workspaces.ts";

test("Workspaces: create one from the header, rename it, copy its link, switch away and back, delete it", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  // Starts at the root on purpose: the header shows the default workspace there.
  await new WizardPage(page, DEFAULT_WORKSPACE).open("spring", "client");
  const control = new WorkspaceControl(page);
  await control.expectCurrent("Default workspace");

  const id = await control.create("Ticket 4711");
  await expect(page).toHaveURL(new RegExp(`/w/${id}/spring/client$`));
  await expect(page.getByRole("definition").filter({ hasText: "/mock/spring" })).toContainText(`/w/${id}/mock/spring`);
  await snap(page, "workspace-created");

  await control.rename("Ticket 4711 · Spring");
  expect(await control.copyLink()).toBe(`${new URL(page.url()).origin}/w/${id}/spring/client`);
  await snap(page, "workspace-dialog");
  await control.close();

  await control.switchTo(/Default workspace/);
  await expect(page).toHaveURL(/\/spring\/client$/);
  expect(new URL(page.url()).pathname).toBe("/spring/client");
  await control.switchTo(/Ticket 4711 · Spring/);
  await expect(page).toHaveURL(new RegExp(`/w/${id}/spring/client$`));

  await control.deleteCurrent();
  expect(new URL(page.url()).pathname).toBe("/spring/client");
  await page.goto(`/w/${id}/spring`);
  await expect(page.getByRole("heading", { name: "This workspace is gone" })).toBeVisible();
});

test("Workspaces: one created without a name is named in the language of whoever made it", async ({ page, workspace }) => {
  await page.goto(workspace.path("/spring/client"));
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh");
  await page.getByRole("button", { name: /^工作区：/ }).click();
  const dialog = page.getByRole("dialog", { name: "工作区" });
  await dialog.getByRole("button", { name: "新建工作区" }).click();
  await expect(page).toHaveURL(/\/w\/[A-Za-z0-9_-]{8,32}\/spring\/client$/);
  // "12月2日 07:20 创建的工作区", not the server's English "Workspace 3".
  await expect(page.getByRole("button", { name: /^工作区：/ })).toHaveAccessibleName(/^工作区：\d{1,2}月\d{1,2}日 \d{2}:\d{2} 创建的工作区$/);
});

test("Workspaces: a deleted or unknown workspace's link shows a page that says it is gone, with a way to the default one", async ({ page, request }) => {
  const res = await page.goto("/w/NoSuchWorkspace42/spring/token");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This workspace is gone" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("NoSuchWorkspace42");
  await snap(page, "workspace-gone");
  await page.getByRole("link", { name: "Go to the default workspace" }).click();
  await expect(page.getByRole("heading", { name: "Start with a provider's flow" })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/");
  // A malformed id never reaches the server as a path of its own.
  await page.goto("/w/no/spring");
  await expect(page.getByRole("heading", { name: "This workspace is gone" })).toBeVisible();
  expect((await request.get("/w/NoSuchWorkspace42/mock/_control/health")).status()).toBe(404);
});

test("Workspaces: a colleague opening the workspace's link in another browser sees its traffic live", async ({ page, workspace, browser }) => {
  const flow = new PigaiFlow(page, workspace);
  await flow.saveClient();

  const colleague = await browser.newContext();
  const watcher = await colleague.newPage();
  await watcher.goto(new URL(workspace.path("/pigai"), page.url()).toString());
  const watched = new TrafficPanel(watcher);
  await expect(watcher.getByRole("heading", { name: "Traffic (0)" })).toBeVisible();

  await flow.runJsonp("script");
  await flow.expectOutcome("success");
  // Arrives through the workspace's event stream: the watcher never reloads.
  await watched.expectHop(/200 GET \S*\/mock\/pigai\/oauth2\/authorize2/);
  // The default workspace's page sees none of it.
  const outsider = await colleague.newPage();
  await outsider.goto(new URL("/pigai", page.url()).toString());
  await expect(outsider.getByRole("heading", { name: /^Traffic/ })).toBeVisible();
  await expect(outsider.getByRole("region", { name: /^Traffic/ })).not.toContainText(`${workspace.base}/mock/pigai`);
  await colleague.close();
});

test("Workspaces: Spring's login, approval and callback start in the workspace and come back to it", async ({ page, workspace, request }) => {
  const flow = new SpringFlow(page, workspace);
  await flow.saveClient();
  await flow.open("spring", "authorize");
  await expect(page.getByTestId("preview-url")).toContainText(encodeURIComponent(`${workspace.base}/callback`));
  await flow.run("Go to the provider");
  await expect(page).toHaveURL(new RegExp(`${workspace.base}/mock/spring/login$`));
  await flow.login();
  await flow.approve();
  await expect(page).toHaveURL(new RegExp(`${workspace.base}/spring/callback$`));
  await flow.expectOutcome("success", "Got an authorization code");
  await flow.next();
  await flow.run("Send request");
  await flow.expectOutcome("success", "Token issued");
  const traffic = (await (await request.get(workspace.control("/traffic"))).json()) as Array<{ request: { url: string } }>;
  const paths = traffic.map((e) => new URL(e.request.url).pathname);
  expect(paths).toEqual(expect.arrayContaining([`${workspace.base}/mock/spring/oauth/authorize`, `${workspace.base}/mock/spring/login`, `${workspace.base}/mock/spring/oauth/token`]));
});

test("Workspaces: Pigai's JSONP, both ways, and its server-side token stay in the workspace", async ({ page, workspace, request }) => {
  const flow = new PigaiFlow(page, workspace);
  await flow.saveClient();
  await flow.runJsonp("script");
  await flow.expectOutcome("success");
  await flow.runJsonp("jquery");
  await flow.expectOutcome("success");
  expect(new URL(page.url()).pathname.startsWith(`${workspace.base}/pigai/`)).toBe(true);
  const traffic = (await (await request.get(workspace.control("/traffic"))).json()) as Array<{ request: { url: string }; response: { status: number } }>;
  const jsonp = traffic.filter((e) => new URL(e.request.url).pathname === `${workspace.base}/mock/pigai/oauth2/authorize2`);
  expect(jsonp.map((e) => e.response.status)).toEqual([200, 200]);
});

test("Journey: reproduce Spring's wrong client_secret, go back, and walk Spring normally — the registered secret is sent, no banner", async ({ page, workspace }) => {
  const flow = new SpringFlow(page, workspace);
  await flow.showSecretsFromTheStart(); // values are read off the screen
  const scenarios = new ScenarioPanel(page);
  await flow.open("spring");
  const shows = await scenarios.reproduce("Wrong client_secret");
  const banner = scenarios.banner("Wrong client_secret");
  await expect(banner).toContainText("Reproduced in a new workspace, “Wrong client_secret”");
  await expect(page.getByRole("region", { name: "What came back" })).toContainText(shows);
  const reproduction = workspaceOf(page);
  expect(reproduction.id).not.toBe(workspace.id);
  await new WorkspaceControl(page).expectCurrent("Wrong client_secret");
  await snap(page, "workspace-scenario-banner");

  await banner.getByRole("link", { name: /^Back to (e2e: Journey|My walk-through)/ }).click();
  await expect(page).toHaveURL(new RegExp(`${workspace.base}/spring/client$`));
  await expect(page.getByTestId("scenario-shows")).toHaveCount(0);
  // The reproduction's steps were its workspace's: nothing is ticked here.
  await expect(flow.step(/Exchange the code/)).not.toContainText("(");

  await flow.obtainCode();
  await flow.next();
  await expect(flow.param("client_secret")).toHaveValue("secret");
  await flow.run("Send request");
  await flow.expectOutcome("success", "Token issued");
  await expect(page.getByTestId("scenario-shows")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "What will be sent" })).toContainText(/client_secret = secret(?!\w)/);
});

test("Workspaces: a reproduction keeps the seed it came from, and its workspace is deleted from its banner on the way back", async ({ page, workspace, request }) => {
  const scenarios = new ScenarioPanel(page);
  expect((await request.post(workspace.control("/seed"), { data: { seed: 4711 } })).ok()).toBe(true);
  await new WizardPage(page, workspace).open("pigai");
  await scenarios.reproduce("JSONP without a callback");
  const reproduction = workspaceOf(page);
  expect(reproduction.id).not.toBe(workspace.id);
  expect(await (await request.get(reproduction.control("/seed"))).json()).toEqual({ seed: 4711 });
  await expect(page.getByRole("button", { name: /^Seed/ })).toContainText("4711");
  await scenarios.banner("JSONP without a callback").getByRole("button", { name: "Delete this reproduction and go back" }).click();
  await expect(page).toHaveURL(new RegExp(`${workspace.base}/pigai(/|$)`));
  await expect(page.getByTestId("scenario-shows")).toHaveCount(0);
  expect((await request.get(reproduction.control("/clock"))).status()).toBe(404);
  const listed = (await (await request.get("/mock/_control/workspaces")).json()) as { workspaces: { id: string }[] };
  expect(listed.workspaces.map((w) => w.id)).not.toContain(reproduction.id);
  await page.getByRole("button", { name: /^Workspace: / }).click();
  await expect(page.getByRole("dialog", { name: "Workspaces" })).not.toContainText("JSONP without a callback");
});
