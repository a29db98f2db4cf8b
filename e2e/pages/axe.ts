import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** The two looks every page is checked in: the default one, and its opposite in theme and language. */
export const LOOKS = [
  { name: "light, English", theme: "light", language: "en" },
  { name: "dark, 简体中文", theme: "dark", language: "zh" },
] as const;

export type Look = (typeof LOOKS)[number];

/** Picks a theme and a language in the header (named in either language, whichever is shown). */
export async function chooseLook(page: Page, look: Look) {
  await page.getByRole("combobox", { name: /^(Theme|主题)$/ }).selectOption(look.theme);
  await page.getByRole("combobox", { name: /^(Language|语言)$/ }).selectOption(look.language);
}

/** An axe scan of the page, or of one part of it (a CSS selector), that must find nothing. */
export async function expectNoViolations(page: Page, where: string, part?: string) {
  const builder = new AxeBuilder({ page });
  const results = await (part ? builder.include(part) : builder).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) e.g. ${v.nodes[0]?.target.join(" ")}`);
  expect(summary, where).toEqual([]);
}
