import { test as base, expect, type Page } from "@playwright/test";

/** A mock world of the playground's: the default one at the root, or a created one under /w/<id>. */
export interface Workspace {
  id: string;
  /** The path prefix: "" for the default workspace, "/w/<id>" otherwise. */
  base: string;
  /** A path of the playground in this workspace: path("/spring") is "<base>/spring". */
  path(p: string): string;
  /** A path of this workspace's control API: control("/traffic") is "<base>/mock/_control/traffic". */
  control(p: string): string;
}

const at = (id: string, prefix: string): Workspace => ({
  id,
  base: prefix,
  path: (p) => (prefix && p === "/" ? prefix : prefix + p),
  control: (p) => `${prefix}/mock/_control${p}`,
});

/** The default workspace, for the few tests about the root itself. They share it with each other, so they never reset it or count its traffic. */
export const DEFAULT_WORKSPACE = at("default", "");

const REGISTRY = "/mock/_control/workspaces";
// Named after the test, to find a stray one; the README's pictures show the name a user might give instead.
const nameOf = (title: string) => (process.env.SCREENSHOTS ? "My walk-through" : [...`e2e: ${title}`].slice(0, 80).join(""));

/**
 * Every test gets its own workspace (fixtures, clock offset 0, no seed, empty traffic), so tests
 * run in parallel. It is deleted afterwards, with every workspace the test's pages created
 * (a reproduction makes one).
 */
export const test = base.extend<{ workspace: Workspace }>({
  workspace: [
    async ({ request, context }, use, info) => {
      const res = await request.post(REGISTRY, { data: { name: nameOf(info.title) } });
      expect(res.status()).toBe(201);
      const { id, base: prefix } = (await res.json()) as { id: string; base: string };
      const made: string[] = [];
      context.on("response", (r) => {
        if (r.request().method() === "POST" && new URL(r.url()).pathname === REGISTRY && r.status() === 201)
          void r.json().then((w: { id: string }) => made.push(w.id), () => undefined);
      });
      await use(at(id, prefix));
      for (const gone of [id, ...made]) await request.delete(`${REGISTRY}/${gone}`);
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
  const path = SCREENSHOTS ? `docs/screenshots/${name}.png` : test.info().outputPath(`${name}.png`);
  await page.screenshot({ path, ...options });
}

/** `npm run screenshots` also walks every step in every size and look, for a person to look through. */
export const SCREENSHOTS = process.env.SCREENSHOTS === "1";

/**
 * A picture for review, not for the README: with `npm run screenshots` it goes to
 * docs/screenshots/review/ (not committed: hundreds of pictures), otherwise nowhere.
 */
export async function reviewShot(page: Page, name: string) {
  if (SCREENSHOTS) await page.screenshot({ path: `docs/screenshots/review/${name}.png` });
}

/** The workspace a page is in now, read from its URL (a reproduction moves the page to a new one). */
export function workspaceOf(page: Page): Workspace {
  const id = /^\/w\/([A-Za-z0-9_-]{8,32})(?:\/|$)/.exec(new URL(page.url()).pathname)?.[1];
  return id ? at(id, `/w/${id}`) : DEFAULT_WORKSPACE;
}
