import type { Locator, Page } from "@playwright/test";
import { providerEntries } from "../src/app/registry.ts";
import { expect, reviewShot, test, type Workspace } from "./fixtures.ts";
import { chooseLook, expectNoViolations, LOOKS } from "./pages/axe.ts";
import { PpmessageFlow } from "./pages/ppmessage.ts";
import { SpringFlow } from "./pages/spring.ts";

/**
 * Every step of every flow, run as a user runs it, at 1440×900 and at 1024×768, each in light
 * English and in dark 简体中文. At each step the run button (and the clock move it offers), the top
 * of what will be sent and the result must be in view without scrolling the page. In two of the passes axe must find nothing
 * in the step, and at the end of the flow nothing in the whole page (steps list, catalogue,
 * header, the traffic drawer full of rows). One walk serves both checks: walking every step again
 * only for axe was a third of `npm test`. `npm run screenshots` keeps a picture of every step.
 */
const LARGE = { width: 1440, height: 900 };
const SMALL = { width: 1024, height: 768 };
// axe in both themes and both languages once; the layout in every size × look, since a language's
// longer words or a theme's borders can each push the result out of view.
const PASSES = [
  { size: LARGE, look: LOOKS[0], axe: true },
  { size: SMALL, look: LOOKS[1], axe: true },
  { size: LARGE, look: LOOKS[1], axe: false },
  { size: SMALL, look: LOOKS[0], axe: false },
];

/** Through the mock's own login and consent pages, whichever the provider shows, back to the playground. */
async function throughProviderPages(page: Page, workspace: Workspace) {
  const spring = new SpringFlow(page, workspace);
  const back = page.locator("#step-title");
  const signIn = page.getByRole("heading", { name: "Please sign in" });
  const approval = page.getByRole("heading", { name: "OAuth Approval" });
  const ppAuthorize = page.getByRole("heading", { name: "应用授权", exact: true });
  for (let hop = 0; hop < 4; hop++) {
    await expect(back.or(signIn).or(approval).or(ppAuthorize)).toBeVisible();
    if (await back.isVisible()) return;
    if (await signIn.isVisible()) await spring.login();
    else if (await approval.isVisible()) await spring.approve();
    else await new PpmessageFlow(page, workspace).login();
  }
}

/** The box of an element, checked to lie wholly between the header and the traffic drawer, with the page unscrolled. */
async function expectInWorkArea(page: Page, locator: Locator, what: string, { topOnly = false } = {}) {
  const b = await locator.boundingBox();
  const header = (await page.getByRole("banner").boundingBox())!;
  const drawer = (await page.getByRole("region", { name: /^(Traffic|网络流量)/ }).boundingBox())!;
  expect(b, what).not.toBeNull();
  const bottom = topOnly ? b!.y + Math.min(b!.height, 40) : b!.y + b!.height;
  expect(b!.y, `${what}: top below the header`).toBeGreaterThanOrEqual(header.y + header.height - 1);
  expect(bottom, `${what}: bottom above the traffic drawer`).toBeLessThanOrEqual(drawer.y + 1);
  expect(await page.evaluate(() => [window.scrollY, document.documentElement.scrollHeight - window.innerHeight]), `${what}: the page itself does not scroll`).toEqual([0, 0]);
}

// One test per provider and pass, from the registry: a new provider is walked without touching this file.
for (const { meta } of providerEntries) {
  for (const { size, look, axe } of PASSES) {
    test(`Every step of ${meta.id} at ${size.width}×${size.height}, ${look.name}: what will be sent, run button and result in view without scrolling${axe ? ", no axe violations" : ""}`, async ({ page, workspace }) => {
      // An axe scan per step: a second or more each on a busy 2-core machine.
      test.slow();
      await page.setViewportSize(size);
      await page.goto(workspace.path(`/${meta.id}`));
      await chooseLook(page, look);
      const steps = page.getByRole("navigation", { name: /^(Steps|步骤)$/ }).getByRole("link");
      await expect(steps.first()).toBeVisible();
      const count = await steps.count();
      for (let i = 0; i < count; i++) {
        await test.step(`step ${i + 1}`, async () => {
          const from = page.url();
          await steps.nth(i).click();
          if (page.url() !== from) await expect(page.locator("#step-title")).toBeFocused();
          const where = `${meta.id} step ${i + 1} at ${size.width}×${size.height}, ${look.name}`;
          // The run button comes first; a step may offer its clock move beside it.
          const run = page.getByTestId("action-bar").getByRole("button").first();
          const willSend = page.locator("#will-send");
          if (await willSend.count()) await expectInWorkArea(page, willSend, `${where}: what will be sent`, { topOnly: true });
          if (await run.count()) {
            await expectInWorkArea(page, run, `${where}: run button`);
            const leaves = /Go to the provider|前往服务商/.test(await run.innerText());
            await run.click();
            if (leaves) {
              await throughProviderPages(page, workspace);
              // Back from the provider's pages, the page was loaded anew: focus is on the step, not the body.
              await expect(page.locator("#step-title")).toBeFocused();
            }
          }
          const outcome = page.locator("[data-outcome]");
          await expect(outcome, `${where}: a result`).toBeVisible();
          await expectInWorkArea(page, outcome, `${where}: result`, { topOnly: true });
          if (await run.count()) await expectInWorkArea(page, run, `${where}: run button after the result`);
          const clockMove = page.getByTestId("action-bar").getByRole("button", { name: /^(Advance the virtual clock|将虚拟时钟拨快)/ });
          if (await clockMove.count()) await expectInWorkArea(page, clockMove, `${where}: the step's clock move`);
          if (axe) await expectNoViolations(page, where, "#main");
          await reviewShot(page, `${size.width}-${look.theme}-${look.language}/${meta.id}-${String(i + 1).padStart(2, "0")}`);
        });
      }
      if (axe) await expectNoViolations(page, `${meta.id}, the whole page after the last step, ${look.name}`);
    });
  }
}
