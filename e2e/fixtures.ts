import { test as base, expect } from "@playwright/test";

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
