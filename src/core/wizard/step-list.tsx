import { NavLink } from "react-router";
import { messages } from "../i18n/messages.ts";
import { useT } from "../i18n/use-t.ts";
import { flowPath, type WorkspaceId } from "../workspace/paths.ts";
import type { Flow, StepResult } from "./types.ts";

const MARK = { success: "✓", warning: "!", error: "✕" };

export function StepList({ flow, results, workspace }: { flow: Flow; results: Record<string, StepResult>; workspace: WorkspaceId }) {
  const t = useT();
  return (
    <nav aria-label={t(messages.steps)}>
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
                <span>{t(step.title)}</span>
                {status && <span className="sr-only"> ({status})</span>}
              </NavLink>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
