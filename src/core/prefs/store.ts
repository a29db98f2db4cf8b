import { create } from "zustand";
import { persist } from "zustand/middleware";
import { useShallow } from "zustand/react/shallow";
import { z } from "zod";
import type { Locale } from "../i18n/localized.ts";

export const DEFAULT_TRAFFIC_HEIGHT = 240;

const storedPrefs = z
  .object({
    locale: z.enum(["en", "zh"]).optional().catch(undefined),
    theme: z.enum(["system", "light", "dark"]).catch("system"),
    trafficCollapsed: z.boolean().catch(false),
    trafficHeight: z.number().int().min(0).max(10_000).catch(DEFAULT_TRAFFIC_HEIGHT),
  })
  .partial();

const definedOnly = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

export type ThemeChoice = "system" | "light" | "dark";

interface PrefsState {
  /** undefined: follow the browser's language. */
  locale: Locale | undefined;
  theme: ThemeChoice;
  /** The traffic panel folded down to its title bar, for more room on a small screen. */
  trafficCollapsed: boolean;
  /** The traffic drawer's height in CSS pixels, as the user last dragged it (clamped to the window when shown). */
  trafficHeight: number;
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
      trafficHeight: DEFAULT_TRAFFIC_HEIGHT,
      localeChosen: (locale) => set({ locale }),
      themeChosen: (theme) => set({ theme }),
      trafficToggled: () => set((s) => ({ trafficCollapsed: !s.trafficCollapsed })),
      trafficResized: (height) => set({ trafficHeight: Math.round(height) }),
    }),
    {
      name: "oauth-playground.prefs",
      partialize: (s) => ({ locale: s.locale, theme: s.theme, trafficCollapsed: s.trafficCollapsed, trafficHeight: s.trafficHeight }),
      // What comes back from storage is the user's to edit: keep only well-formed values.
      merge: (stored, current) => ({ ...current, ...definedOnly(storedPrefs.safeParse(stored).data ?? {}) }),
    },
  ),
);

export const browserLocale = (): Locale => (typeof navigator !== "undefined" && /^zh\b/i.test(navigator.language) ? "zh" : "en");
export const useLocale = (): Locale => usePrefsStore((s) => s.locale) ?? browserLocale();
export const useThemeChoice = () => usePrefsStore((s) => s.theme);
export const useTrafficCollapsed = () => usePrefsStore((s) => s.trafficCollapsed);
export const useTrafficHeight = () => usePrefsStore((s) => s.trafficHeight);
export const usePrefsActions = () =>
  usePrefsStore(
    useShallow((s) => ({ localeChosen: s.localeChosen, themeChosen: s.themeChosen, trafficToggled: s.trafficToggled, trafficResized: s.trafficResized })),
  );
