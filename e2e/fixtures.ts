import { test as base, expect, type Page } from "@playwright/test";

/** Every test starts from the mock's fixtures, clock offset 0, empty traffic. */
export const test = base.extend<{ resetMocks: void }>({
  resetMocks: [
    async ({ request }, use) => {
      expect((await request.post("/mock/_control/seed", { data: { seed: null } })).ok()).toBe(true);
      const res = await request.post("/mock/_control/reset");
      expect(res.ok()).toBe(true);
      await use();
    },
    { auto: true },
  ],
});

export { expect };

/**
 * A screenshot of what the user sees at this point. The README's pictures are refreshed
 * with `npm run screenshots` (SCREENSHOTS=1); a plain test run keeps them in its own
 * output folder so it never dirties the working tree.
 */
export async function snap(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  const path = process.env.SCREENSHOTS === "1" ? `docs/screenshots/${name}.png` : test.info().outputPath(`${name}.png`);
  await page.screenshot({ path, ...options });
}
