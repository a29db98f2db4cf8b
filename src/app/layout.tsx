import { useEffect } from "react";
import { Link, Outlet } from "react-router";
import { ClockControl } from "../core/clock/clock-control.tsx";
import { SeedControl } from "../core/clock/seed-control.tsx";
import type { Locale } from "../core/i18n/localized.ts";
import { messages } from "../core/i18n/messages.ts";
import { useT } from "../core/i18n/use-t.ts";
import { useLocale, usePrefsActions, useThemeChoice, type ThemeChoice } from "../core/prefs/store.ts";
import { diagnosePath, homePath } from "../core/workspace/paths.ts";
import { useWorkspace } from "../core/workspace/use-workspace.ts";
import { WorkspaceControl } from "../core/workspace/workspace-control.tsx";
import { useApplyTheme } from "./theme.ts";

function Preferences() {
  const t = useT();
  const locale = useLocale();
  const theme = useThemeChoice();
  const { localeChosen, themeChosen } = usePrefsActions();
  return (
    <div className="flex items-center gap-2 text-xs">
      <label className="flex items-center gap-1">
        <span className="sr-only">{t(messages.language)}</span>
        <select aria-label={t(messages.language)} className="input py-0.5" value={locale} onChange={(e) => localeChosen(e.target.value as Locale)}>
          <option value="zh">简体中文</option>
          <option value="en">English</option>
        </select>
      </label>
      <label className="flex items-center gap-1">
        <span className="sr-only">{t(messages.theme)}</span>
        <select aria-label={t(messages.theme)} className="input py-0.5" value={theme} onChange={(e) => themeChosen(e.target.value as ThemeChoice)}>
          <option value="system">{t(messages.themeSystem)}</option>
          <option value="light">{t(messages.themeLight)}</option>
          <option value="dark">{t(messages.themeDark)}</option>
        </select>
      </label>
    </div>
  );
}

export function Layout() {
  const t = useT();
  const locale = useLocale();
  const workspace = useWorkspace();
  useApplyTheme();
  useEffect(() => {
    document.documentElement.lang = locale === "zh" ? "zh-CN" : "en";
  }, [locale]);
  return (
    <div className="min-h-dvh lg:h-dvh flex flex-col">
      <a href="#main" className="skip-link">
        {t(messages.skipToContent)}
      </a>
      <header className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-2 border-b border-line bg-surface">
        <Link to={homePath(workspace)} className="font-semibold tracking-tight">
          {t(messages.appTitle)}
        </Link>
        <div className="flex flex-wrap items-center gap-4">
          <Link to={diagnosePath(workspace)} className="text-sm text-accent underline">
            {t(messages.diagnoseLink)}
          </Link>
          <WorkspaceControl />
          <ClockControl />
          <SeedControl />
          <Preferences />
        </div>
      </header>
      <Outlet />
    </div>
  );
}
