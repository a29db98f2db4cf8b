import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { Link, Outlet } from "react-router";
import { controlKeys } from "../api/control.ts";
import { messages } from "../i18n/messages.ts";
import { useT } from "../i18n/use-t.ts";
import { forgetWorkspace } from "./forget-workspace.ts";
import { wm } from "./messages.ts";
import { useWorkspaceParam } from "./use-workspace.ts";
import { useWorkspaceGone } from "./use-workspace-gone.ts";

/** Shown instead of any page of a workspace that no longer exists (or never did). */
export function WorkspaceGone({ id }: { id: string }) {
  const t = useT();
  return (
    <main id="main" className="max-w-2xl mx-auto w-full p-6 space-y-3">
      <h1 className="text-xl font-semibold">{t(wm.goneTitle)}</h1>
      <p>{t(wm.goneBody)}</p>
      <p className="text-sm text-muted">
        {t(wm.goneId)}{t(messages.colon)}<code className="font-mono wrap-anywhere">{id}</code>
      </p>
      <p>
        <Link to="/" className="text-accent underline">
          {t(wm.goToDefault)}
        </Link>
      </p>
    </main>
  );
}

/**
 * The `/w/:workspace` routes, while that workspace's world answers; the gone page once it does not
 * (its records in this browser are dropped then). Rendered at once, not after the check: a live
 * workspace, the usual case, costs no wait.
 */
export function WorkspaceGate() {
  const id = useWorkspaceParam() ?? "";
  const gone = useWorkspaceGone();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!gone) return;
    void forgetWorkspace(id);
    queryClient.removeQueries({ queryKey: controlKeys.workspace(id) });
  }, [gone, id, queryClient]);
  if (gone) return <WorkspaceGone id={id} />;
  return <Outlet />;
}
