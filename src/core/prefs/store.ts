import { create } from "zustand";
import { persist } from "zustand/middleware";
import { useShallow } from "zustand/react/shallow";
import type { Locale } from "../i18n/localized.ts";
import { intBetween, isBoolean, oneOf, orNull, readStored } from "./stored.ts";

export const DEFAULT_TRAFFIC_HEIGHT = 240;

/**
 * The drawer's height until the user sets one: a fifth of the window, at most 240 px, so that at
 * 1024×768 the step keeps about 85 px more than a fixed 240 would leave it (its explanation and
 * quirk cards are what is short of room there); dragging it taller is remembered.
 */
export const defaultTrafficHeight = (windowHeight = typeof window === "undefined" ? 900 : window.innerHeight): number =>
  Math.round(Math.min(DEFAULT_TRAFFIC_HEIGHT, Math.max(120, windowHeight * 0.2)));

export type ThemeChoice = "system" | "light" | "dark";

interface PrefsState {
  /** undefined: follow the browser's language. */
  locale: Locale | undefined;
  theme: ThemeChoice;
  /** The traffic panel folded down to its title bar, for more room on a small screen. */
  trafficCollapsed: boolean;
  /** The traffic drawer's height in CSS pixels, as the user last dragged it (clamped to the window when shown); null until then. */
  trafficHeight: number | null;
  localeChosen(locale: Locale): void;
  themeChosen(theme: ThemeChoice): void;
  trafficToggled(): void;
  trafficResized(height: number): void;
}


const usePrefsStore = create<PrefsState>()(
  persist(
    (set) => ({
      locale: undefined,
      theme: "system",
      trafficCollapsed: false,
      trafficHeight: null,
      localeChosen: (locale) => set({ locale }),
      themeChosen: (theme) => set({ theme }),
      trafficToggled: () => set((s) => ({ trafficCollapsed: !s.trafficCollapsed })),
      trafficResized: (height) => set({ trafficHeight: Math.round(height) }),
    }),
    {
      name: "oauth-playground.prefs",
      partialize: (s) => ({ locale: s.locale, theme: s.theme, trafficCollapsed: s.trafficCollapsed, trafficHeight: s.trafficHeight }),
      // What comes back from storage is the user's to edit: keep only well-formed values.
      merge: (stored, current) => ({
        ...current,
        ...readStored<Pick<PrefsState, "locale" | "theme" | "trafficCollapsed" | "trafficHeight">>(stored, {
          locale: oneOf("en", "zh"),
          theme: oneOf("system", "light", "dark"),
          trafficCollapsed: isBoolean,
          trafficHeight: orNull(intBetween(0, 10_000)),
        }),
      }),
    },
  ),
);

export const browserLocale = (): Locale => (typeof navigator !== "undefined" && /^zh\b/i.test(navigator.language) ? "zh" : "en");
export const useLocale = (): Locale => usePrefsStore((s) => s.locale) ?? browserLocale();
export const useThemeChoice = () => usePrefsStore((s) => s.theme);
export const useTrafficCollapsed = () => usePrefsStore((s) => s.trafficCollapsed);
export const useTrafficHeight = () => usePrefsStore((s) => s.trafficHeight) ?? defaultTrafficHeight();
export const usePrefsActions = () =>
  usePrefsStore(
    useShallow((s) => ({ localeChosen: s.localeChosen, themeChosen: s.themeChosen, trafficToggled: s.trafficToggled, trafficResized: s.trafficResized })),
  );
