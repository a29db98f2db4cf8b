import { useEffect } from "react";
import { useThemeChoice } from "../core/prefs/store.ts";

/** Applies the chosen theme (or the system's) as the `dark` class on <html>. */
export function useApplyTheme() {
  const choice = useThemeChoice();
  useEffect(() => {
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    const apply = () => {
      const dark = choice === "dark" || (choice === "system" && media.matches);
      document.documentElement.classList.toggle("dark", dark);
      document.documentElement.style.colorScheme = dark ? "dark" : "light";
    };
    apply();
    media.addEventListener("change", apply);
    return () => media.removeEventListener("change", apply);
  }, [choice]);
}
