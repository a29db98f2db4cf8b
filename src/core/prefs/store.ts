import { create } from "zustand";
import { persist } from "zustand/middleware";
import { useShallow } from "zustand/react/shallow";
import type { Locale } from "../i18n/localized.ts";

export type ThemeChoice = "system" | "light" | "dark";

interface PrefsState {
  /** undefined: follow the browser's language. */
  locale: Locale | undefined;
  theme: ThemeChoice;
  /** The traffic panel folded down to its title bar, for more room on a small screen. */
  trafficCollapsed: boolean;
  localeChosen(locale: Locale): void;
  themeChosen(theme: ThemeChoice): void;
  trafficToggled(): void;
}

const usePrefsStore = create<PrefsState>()(
  persist(
    (set) => ({
      locale: undefined,
      theme: "system",
      trafficCollapsed: false,
      localeChosen: (locale) => set({ locale }),
      themeChosen: (theme) => set({ theme }),
      trafficToggled: () => set((s) => ({ trafficCollapsed: !s.trafficCollapsed })),
    }),
    { name: "oauth-playground.prefs", partialize: (s) => ({ locale: s.locale, theme: s.theme, trafficCollapsed: s.trafficCollapsed }) },
  ),
);

export const browserLocale = (): Locale => (typeof navigator !== "undefined" && /^zh\b/i.test(navigator.language) ? "zh" : "en");
export const useLocale = (): Locale => usePrefsStore((s) => s.locale) ?? browserLocale();
export const useThemeChoice = () => usePrefsStore((s) => s.theme);
export const useTrafficCollapsed = () => usePrefsStore((s) => s.trafficCollapsed);
/** Unfolds the traffic panel, from outside React: a reproduced scenario's failing exchange is shown there. */
export const trafficShown = () => usePrefsStore.setState({ trafficCollapsed: false });
export const usePrefsActions = () =>
  usePrefsStore(useShallow((s) => ({ localeChosen: s.localeChosen, themeChosen: s.themeChosen, trafficToggled: s.trafficToggled })));
