import { useEffect } from "react";
import { Link, Outlet, useLocation } from "react-router";
import { ClockControl } from "../core/clock/clock-control.tsx";
import { SeedControl } from "../core/clock/seed-control.tsx";
import type { Locale } from "../core/i18n/localized.ts";
import { messages } from "../core/i18n/messages.ts";
import { useT } from "../core/i18n/use-t.ts";
import { useLocale, usePrefsActions, useThemeChoice, type ThemeChoice } from "../core/prefs/store.ts";
import { diagnosePath, homePath } from "../core/workspace/paths.ts";
import { useWorkspace } from "../core/workspace/use-workspace.ts";
import { useWorkspaceGone } from "../core/workspace/use-workspace-gone.ts";
import { WorkspaceControl } from "../core/workspace/workspace-control.tsx";
import { findProvider } from "./registry.ts";
import { useApplyTheme } from "./theme.ts";

function Preferences() {
  const t = useT();
  const locale = useLocale();
  const theme = useThemeChoice();
  const { localeChosen, themeChosen } = usePrefsActions();
  return (
    <>
      <select aria-label={t(messages.language)} className="input h-8 py-0 text-xs" value={locale} onChange={(e) => localeChosen(e.target.value as Locale)}>
        <option value="zh">简体中文</option>
        <option value="en">English</option>
      </select>
      <select aria-label={t(messages.theme)} className="input h-8 py-0 text-xs" value={theme} onChange={(e) => themeChosen(e.target.value as ThemeChoice)}>
        <option value="system">{t(messages.themeSystem)}</option>
        <option value="light">{t(messages.themeLight)}</option>
        <option value="dark">{t(messages.themeDark)}</option>
      </select>
    </>
  );
}

/** The first Tab stop: on a flow page it goes to the current step's heading, elsewhere to the page's main content. */
function SkipLink() {
  const t = useT();
  // The provider is the first segment below the workspace's base (/spring, /w/<id>/spring).
  const segments = useLocation().pathname.split("/");
  // A gone workspace shows its notice instead of the flow: no step to skip to.
  const gone = useWorkspaceGone();
  const onFlow = !gone && !!findProvider(segments[1] === "w" ? segments[3] : segments[1]);
  const target = onFlow ? "step-title" : "main";
  return (
    <a
      href={`#${target}`}
      className="skip-link"
      onClick={(e) => {
        const element = document.getElementById(target);
        if (!element) return;
        e.preventDefault();
        if (!element.hasAttribute("tabindex")) element.setAttribute("tabindex", "-1");
        element.focus();
        element.scrollIntoView({ block: "nearest" });
      }}
    >
      {t(onFlow ? messages.skipToStep : messages.skipToContent)}
    </a>
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
      <SkipLink />
      {/* One line at every width the playground supports: each control has a fixed width and opens what it holds. */}
      <header className="h-14 shrink-0 flex items-center gap-2 px-4 border-b border-line bg-surface whitespace-nowrap">
        <Link to={homePath(workspace)} className="font-semibold tracking-tight mr-auto">
          {t(messages.appTitle)}
        </Link>
        <Link to={diagnosePath(workspace)} className="text-sm text-accent underline mr-2" title={t(messages.diagnoseLink)}>
          {t(messages.diagnoseShort)}
        </Link>
        <WorkspaceControl />
        <ClockControl />
        <SeedControl />
        <Preferences />
      </header>
      <Outlet />
    </div>
  );
}
