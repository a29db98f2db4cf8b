import { create } from "zustand";
import { persist } from "zustand/middleware";
import { useShallow } from "zustand/react/shallow";
import type { Locale } from "../i18n/localized.ts";

export type ThemeChoice = "system" | "light" | "dark";

interface PrefsState {
  /** undefined: follow the browser's language. */
  locale: Locale | undefined;
  theme: ThemeChoice;
  localeChosen(locale: Locale): void;
  themeChosen(theme: ThemeChoice): void;
}

const usePrefsStore = create<PrefsState>()(
  persist(
    (set) => ({
      locale: undefined,
      theme: "system",
      localeChosen: (locale) => set({ locale }),
      themeChosen: (theme) => set({ theme }),
    }),
    { name: "oauth-playground.prefs", partialize: (s) => ({ locale: s.locale, theme: s.theme }) },
  ),
);

export const browserLocale = (): Locale => (typeof navigator !== "undefined" && /^zh\b/i.test(navigator.language) ? "zh" : "en");
export const useLocale = (): Locale => usePrefsStore((s) => s.locale) ?? browserLocale();
export const useThemeChoice = () => usePrefsStore((s) => s.theme);
export const usePrefsActions = () => usePrefsStore(useShallow((s) => ({ localeChosen: s.localeChosen, themeChosen: s.themeChosen })));
