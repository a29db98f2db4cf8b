import { useEffect, useRef } from "react";
import { NavLink, useLocation } from "react-router";
import { pm } from "../i18n/page-messages.ts";
import { useT } from "../i18n/use-t.ts";
import { Breakable } from "../ui/breakable.tsx";
import { flowPath, type WorkspaceId } from "../workspace/paths.ts";
import type { Flow, StepResult } from "./types.ts";

const MARK = { success: "✓", warning: "!", error: "✕" };

/** Scrolls the column that holds `el` (never the page itself: on a narrow screen that would move the step away) until `el` is in it. */
function keepInColumn(el: HTMLElement) {
  let column = el.parentElement;
  while (column && column !== document.body && !/(auto|scroll)/.test(getComputedStyle(column).overflowY)) column = column.parentElement;
  if (!column || column === document.body) return;
  const box = el.getBoundingClientRect();
  const view = column.getBoundingClientRect();
  if (box.top < view.top) column.scrollTop -= view.top - box.top;
  else if (box.bottom > view.bottom) column.scrollTop += box.bottom - view.bottom;
}

export function StepList({ flow, results, workspace }: { flow: Flow; results: Record<string, StepResult>; workspace: WorkspaceId }) {
  const t = useT();
  const nav = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  // The left column scrolls on a small screen: the current step is kept in its view (back from
  // the provider's pages the page loads at step 3, below the provider's details).
  useEffect(() => {
    const link = nav.current?.querySelector<HTMLElement>('[aria-current="page"]');
    if (link) keepInColumn(link);
  }, [pathname]);
  return (
    <nav ref={nav} aria-label={t(pm.steps)}>
      <ol className="space-y-0.5">
        {flow.steps.map((step, i) => {
          const status = results[step.id]?.outcome.status;
          return (
            <li key={step.id}>
              <NavLink
                to={flowPath(workspace, flow.contract.id, step.id)}
                className={({ isActive }) => `step-link ${isActive ? "step-link-on" : ""}`}
              >
                <span className={`step-dot ${status ? `step-dot-${status}` : ""}`} aria-hidden="true">
                  {status ? MARK[status] : i + 1}
                </span>
                <span className="min-w-0">
                  <Breakable text={t(step.title)} />
                </span>
                {status && <span className="sr-only"> ({status})</span>}
              </NavLink>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
