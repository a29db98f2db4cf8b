import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { PigaiFlow } from "./pages/pigai.ts";
import { PpmessageFlow } from "./pages/ppmessage.ts";
import { ScenarioPanel } from "./pages/scenarios.ts";
import { SpringFlow } from "./pages/spring.ts";
import { TrafficPanel } from "./pages/traffic.ts";

/**
 * Lighthouse-style basics: nothing on the wizard moves by itself (no layout shift the
 * user did not cause, summed like Chrome's CLS), the controls stay put when a result
 * arrives, and every font comes from the playground itself (no web-font requests).
 */

interface Shift {
  value: number;
  sources: string[];
}

/**
 * Collects, on every document the page loads, the layout-shift entries without recent input
 * (what CLS counts), each with the page path, its time and what moved from where to where.
 */
async function watchLayoutShifts(page: Page): Promise<Shift[]> {
  const found: Shift[] = [];
  await page.exposeFunction("__reportShift", (shift: Shift) => void found.push(shift));
  await page.addInitScript(() => {
    const report = (window as unknown as { __reportShift: (s: { value: number; sources: string[] }) => void }).__reportShift;
    const describe = (node: Node | null) => {
      if (!(node instanceof Element)) return String(node?.nodeName ?? "?");
      return `${node.tagName.toLowerCase()} "${(node.textContent ?? "").trim().slice(0, 40)}"`;
    };
    const rect = (b: DOMRectReadOnly) => `${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.width)}x${Math.round(b.height)}`;
    type Source = { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly };
    type LayoutShift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: Source[] };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as LayoutShift[]) {
        if (entry.hadRecentInput) continue;
        const moved = (entry.sources ?? []).map((s) => `${describe(s.node)} ${rect(s.previousRect)} → ${rect(s.currentRect)}`);
        report({ value: entry.value, sources: [location.pathname, `${Math.round(entry.startTime)} ms`, ...moved] });
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  return found;
}

/** Layout-shift entries are delivered after the frame: let two frames pass before reading. */
async function settle(page: Page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

const total = (list: Shift[]) => list.reduce((sum, s) => sum + s.value, 0);

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error("element has no box");
  return { x: Math.round(b.x), y: Math.round(b.y), width: Math.round(b.width) };
}

test("Layout: opening flows and running steps shifts nothing the user did not cause", async ({ page, workspace }) => {
  const found = await watchLayoutShifts(page);
  const spring = new SpringFlow(page, workspace);
  await page.goto(workspace.path("/"));
  await page.getByRole("link", { name: /Spring Security OAuth2/ }).click();
  await expect(spring.param("client_id")).toHaveValue("messaging-client");
  // Through the provider's pages and back: the callback reloads the SPA and restores the flow.
  await spring.run("Save");
  await spring.next();
  await spring.run("Go to the provider");
  await spring.login();
  await spring.approve();
  await spring.expectOutcome("success", "state checked");
  await spring.next();
  await spring.run("Send request");
  await spring.expectOutcome("success", "Token issued");
  // A JSONP step (a script tag) and a fresh provider page loaded by URL.
  const pigai = new PigaiFlow(page, workspace);
  await pigai.saveClient();
  await pigai.runJsonp("script");
  await pigai.expectOutcome("success");
  await settle(page);
  expect(total(found), JSON.stringify(found, null, 1)).toBeLessThan(0.01);
});

test("Layout: the step's controls and request preview stay put when the result arrives", async ({ page, workspace }) => {
  const flow = new PigaiFlow(page, workspace);
  await flow.open("pigai", "token");
  const run = page.getByRole("button", { name: /Send request/ });
  const preview = page.getByRole("region", { name: "What will be sent" });
  // Where the user's pointer is when they press it (the click itself would scroll it into view).
  await run.scrollIntoViewIfNeeded();
  const before = { heading: await box(flow.stepHeading), run: await box(run), preview: await box(preview) };
  await flow.run();
  await flow.expectOutcome("success");
  const after = { heading: await box(flow.stepHeading), run: await box(run), preview: await box(preview) };
  expect(after).toEqual(before);
});

test("Layout 1024×768: a step column that goes on under the pinned preview says so, and More below scrolls on", async ({ page, workspace }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  const flow = new PigaiFlow(page, workspace);
  await flow.open("pigai", "jsonp");
  const column = page.locator("#main > div").first();
  const more = page.locator("#main").getByText(/^More below/);
  await expect(more).toBeVisible();
  const scrolled = () => column.evaluate((el) => el.scrollTop);
  expect(await scrolled()).toBe(0);
  await more.click();
  await expect.poll(scrolled).toBeGreaterThan(100);
  // At the end of the column there is nothing more to point to.
  await column.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(more).toBeHidden();
});

test("Fonts: every request stays on the playground's origin; no web fonts are fetched", async ({ page, baseURL, workspace }) => {
  const foreign: string[] = [];
  const fonts: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.origin !== new URL(baseURL!).origin && url.protocol !== "data:") foreign.push(request.url());
    if (request.resourceType() === "font") fonts.push(request.url());
  });
  const flow = new PigaiFlow(page, workspace);
  await flow.saveClient();
  await flow.runJsonp("script");
  await flow.expectOutcome("success");
  await page.goto(workspace.path("/diagnose"));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(foreign).toEqual([]);
  expect(fonts).toEqual([]);
  // The stylesheet names only locally installed families (system-ui and friends), no @font-face.
  const faces = await page.evaluate(() => [...document.fonts].map((f) => f.family));
  expect(faces).toEqual([]);
});

test("Layout: the traffic panel folds to its title bar, gives the wizard the room, and stays folded", async ({ page, workspace }) => {
  const flow = new PigaiFlow(page, workspace);
  const traffic = new TrafficPanel(page);
  await flow.saveClient();
  await flow.runJsonp("script");
  await flow.expectOutcome("success");
  await traffic.expectHop(/authorize2/);
  const wizard = page.getByRole("main");
  const open = await wizard.boundingBox();
  await expect(traffic.toggle).toHaveAttribute("aria-expanded", "true");
  await traffic.hide();
  await expect(traffic.list).toBeHidden();
  await expect(page.getByRole("button", { name: "Export HAR" })).toBeHidden();
  await expect(traffic.toggle).toHaveAccessibleName("Show traffic");
  await expect(traffic.toggle).toHaveAttribute("aria-expanded", "false");
  // The count stays in the title bar, so new hops are still noticed.
  await expect(page.getByRole("heading", { name: /Traffic \(\d+\)/ })).toBeVisible();
  const folded = await wizard.boundingBox();
  expect(folded!.height).toBeGreaterThan(open!.height + 100);
  await page.reload();
  await expect(traffic.toggle).toHaveAccessibleName("Show traffic");
  await expect(traffic.list).toBeHidden();
  await traffic.show();
  await traffic.expectHop(/authorize2/);
  await expect(traffic.toggle).toHaveAttribute("aria-expanded", "true");
});

test("Layout: on a narrow screen the scenario catalogue starts folded, so the step is not pushed down", async ({ page, workspace }) => {
  await page.setViewportSize({ width: 800, height: 1000 });
  await page.goto(workspace.path("/easemob"));
  const catalogue = page.locator("details", { has: page.getByText(/^Error scenarios/) });
  await expect(page.locator("#step-title")).toBeInViewport();
  await expect(catalogue).not.toHaveAttribute("open");
  await expect(page.getByRole("button", { name: /^Reproduce/ }).first()).toBeHidden();
  await page.getByText(/^Error scenarios/).click();
  await expect(page.getByRole("button", { name: /^Reproduce/ }).first()).toBeVisible();
  // Side by side with the step, it is open from the start.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.reload();
  await expect(page.getByRole("button", { name: /^Reproduce/ }).first()).toBeVisible();
});

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
];

for (const size of SIZES) {
  test(`Layout ${size.width}×${size.height}: the header is one line whatever the clock, the seed and the language show`, async ({ page, request, workspace }) => {
    await page.setViewportSize(size);
    await page.goto(workspace.path("/spring/client"));
    const header = page.getByRole("banner");
    const clock = page.getByRole("group", { name: "Virtual clock" });
    const seedButton = page.getByRole("button", { name: /^Seed/ });
    const before = { clock: await box(clock), seed: await box(seedButton) };
    // The widest things the clock and the seed can show: a year and a day ahead, the largest seed (10 digits).
    expect((await request.post(workspace.control("/clock/advance"), { data: { seconds: 366 * 86400 + 86399 } })).ok()).toBe(true);
    expect((await request.post(workspace.control("/seed"), { data: { seed: 4294967295 } })).ok()).toBe(true);
    await page.reload();
    await expect(seedButton).toContainText("4294");
    await expect(clock.getByRole("button")).toContainText(/\+366d 23h/);
    for (const language of ["en", "zh"]) {
      await page.getByRole("combobox", { name: /^(Language|语言)$/ }).selectOption(language);
      // The offset's chip is whole inside the clock button, not cut off by its fixed width.
      const clockButton = page.getByRole("group", { name: /^(Virtual clock|虚拟时钟)$/ }).getByRole("button");
      const [button, chip] = [await box(clockButton), await box(clockButton.locator(".chip"))];
      expect(chip.x + chip.width, `the clock's offset chip in ${language} fits in its button`).toBeLessThanOrEqual(button.x + button.width - 4);
      const h = (await header.boundingBox())!;
      expect(h.height, `header height in ${language}`).toBeLessThanOrEqual(64);
      // One line: every control's box is within the header's single row.
      const tops = await header.evaluate((el) => [...el.children].map((c) => Math.round(c.getBoundingClientRect().bottom - el.getBoundingClientRect().top)));
      for (const bottom of tops) expect(bottom, `a header control in ${language} sits on the one line`).toBeLessThanOrEqual(h.height);
    }
    await page.getByRole("combobox", { name: /^(Language|语言)$/ }).selectOption("en");
    // Nothing moved: the clock and seed keep their places whatever they show.
    expect({ clock: await box(clock), seed: await box(seedButton) }).toEqual(before);
  });
}

test("Layout: the traffic drawer is resized with the keyboard, its height is remembered, and Reproduce leaves it as the user set it", async ({ page, workspace }) => {
  const flow = new PigaiFlow(page, workspace);
  const traffic = new TrafficPanel(page);
  await flow.open("pigai", "token");
  const handle = page.getByRole("separator", { name: "Resize the traffic panel" });
  const drawer = page.getByRole("region", { name: /^Traffic/ });
  const start = Number(await handle.getAttribute("aria-valuenow"));
  const startHeight = (await drawer.boundingBox())!.height;
  await handle.focus();
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await expect(handle).toHaveAttribute("aria-valuenow", String(start + 48));
  expect((await drawer.boundingBox())!.height).toBeCloseTo(startHeight + 48, 0);
  await page.keyboard.press("Home");
  const smallest = Number(await handle.getAttribute("aria-valuenow"));
  expect(smallest).toBeLessThan(start);
  await page.keyboard.press("PageUp");
  await expect(handle).toHaveAttribute("aria-valuenow", String(smallest + 96));
  await page.reload();
  await expect(handle).toHaveAttribute("aria-valuenow", String(smallest + 96));
  // A pointer drag moves it too.
  const grip = (await handle.boundingBox())!;
  await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
  await page.mouse.down();
  await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2 - 100, { steps: 5 });
  await page.mouse.up();
  await expect(handle).toHaveAttribute("aria-valuenow", String(smallest + 196));
  await traffic.hide();
  await new ScenarioPanel(page).reproduce("JSONP without a callback");
  await expect(traffic.toggle).toHaveAccessibleName("Show traffic");
  await traffic.show();
  await expect(handle).toHaveAttribute("aria-valuenow", String(smallest + 196));
});

test("Layout: PPMessage's long authorization code wraps inside its cards", async ({ page, workspace }) => {
  const flow = new PpmessageFlow(page, workspace);
  await flow.obtainCode();
  await page.setViewportSize({ width: 1024, height: 768 });
  for (const card of [page.locator("[data-outcome]"), page.getByRole("region", { name: "What came back" })]) {
    const overflow = await card.evaluate((el) => {
      const outer = el.getBoundingClientRect();
      return [...el.querySelectorAll("*")].filter((c) => c.getBoundingClientRect().right > outer.right + 1).map((c) => c.textContent?.slice(0, 40));
    });
    expect(overflow).toEqual([]);
    expect(await card.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  }
});
