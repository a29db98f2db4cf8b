/** A text in both of the playground's languages. */
export interface Localized {
  en: string;
  zh: string;
}

export type Locale = "en" | "zh";

export const l = (en: string, zh: string): Localized => ({ en, zh });
