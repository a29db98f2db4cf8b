import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useRef } from "react";
import { workspaceKeys, workspacesQuery } from "../api/workspaces.ts";
import { useT } from "../i18n/use-t.ts";
import { CurrentWorkspace } from "./current-workspace.tsx";
import { wm } from "./messages.ts";
import { useWorkspace } from "./use-workspace.ts";
import { useWorkspaceGone } from "./use-workspace-gone.ts";
import { useWorkspaceName } from "./use-workspace-name.ts";
import { WorkspaceList } from "./workspace-list.tsx";

/**
 * The header's one workspace element: a button with the current workspace's name that opens a
 * dialog to rename it, copy its link, delete it, switch to another or create one.
 */
export function WorkspaceControl() {
  const t = useT();
  const workspace = useWorkspace();
  const name = useWorkspaceName(workspace);
  const gone = useWorkspaceGone();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const queryClient = useQueryClient();
  useQuery(workspacesQuery());
  const close = () => dialog.current?.close();
  return (
    <>
      <button
        type="button"
        // At most 9 rem: at 1024 px the header keeps some free space, so the clock and seed never
        // move when the name (read after the first paint) or the clock's offset changes width.
        className="btn-quiet text-xs max-w-36 gap-1"
        aria-haspopup="dialog"
        aria-label={t(wm.openControl(name))}
        title={t(wm.openControl(name))}
        onClick={() => {
          void queryClient.invalidateQueries({ queryKey: workspaceKeys.list() });
          dialog.current?.showModal();
        }}
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5 shrink-0 text-muted" fill="none" stroke="currentColor" strokeWidth="1.5">
          <rect x="1.75" y="4.75" width="9.5" height="9.5" rx="1.5" />
          <path d="M4.75 2.25h7.5a1.5 1.5 0 0 1 1.5 1.5v7.5" />
        </svg>
        <span className="truncate" data-testid="workspace-name">
          {name}
        </span>
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        // whitespace-normal: the dialog sits in the header, whose one line is nowrap.
        className="m-auto w-[min(32rem,calc(100vw-2rem))] whitespace-normal rounded-lg border border-line bg-surface text-ink p-0 shadow-xl backdrop:bg-black/40"
        // A click on the backdrop (the dialog element itself, outside its content) closes it.
        onClick={(e) => e.target === dialog.current && close()}
      >
        <div className="p-4 space-y-4 text-sm">
          <div className="flex items-start justify-between gap-2">
            <div className="min-w-0 flex-1">
              <h2 id={titleId} className="font-semibold">
                {t(wm.dialogTitle)}
              </h2>
              <p className="text-xs text-muted mt-1">{t(wm.dialogIntro)}</p>
            </div>
            <button type="button" className="btn-quiet text-xs whitespace-nowrap shrink-0" onClick={close}>
              {t(wm.close)}
            </button>
          </div>
          {!gone && <CurrentWorkspace workspace={workspace} name={name} onLeft={close} />}
          <WorkspaceList current={workspace} onChosen={close} />
        </div>
      </dialog>
    </>
  );
}
