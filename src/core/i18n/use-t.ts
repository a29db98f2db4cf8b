import { useCallback } from "react";
import { useLocale } from "../prefs/store.ts";
import type { Localized } from "./localized.ts";

/** Picks the current language's text of a Localized value. */
export function useT() {
  const locale = useLocale();
  return useCallback((text: Localized | string) => (typeof text === "string" ? text : text[locale]), [locale]);
}
