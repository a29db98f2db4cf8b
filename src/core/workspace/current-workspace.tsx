import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useLocation } from "react-router";
import { renameWorkspace, workspaceKeys } from "../api/workspaces.ts";
import { messages } from "../i18n/messages.ts";
import { useT } from "../i18n/use-t.ts";
import { CopyButton } from "../ui/copy-button.tsx";
import { wm } from "./messages.ts";
import { DEFAULT_WORKSPACE, samePageIn, type WorkspaceId } from "./paths.ts";
import { useDeleteWorkspace } from "./use-delete-workspace.ts";

/** The current workspace in the dialog: its name (renamable), its link, and delete with a confirmation. */
export function CurrentWorkspace({ workspace, name, onLeft }: { workspace: WorkspaceId; name: string; onLeft: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const { pathname } = useLocation();
  const nameId = useId();
  const [draft, setDraft] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);
  const isDefault = workspace === DEFAULT_WORKSPACE;
  const rename = useMutation({
    mutationFn: (next: string) => renameWorkspace(workspace, next),
    onSuccess: () => {
      setDraft(undefined);
      return queryClient.invalidateQueries({ queryKey: workspaceKeys.list() });
    },
  });
  const remove = useDeleteWorkspace(workspace, () => samePageIn(pathname, workspace, DEFAULT_WORKSPACE), () => {
    setConfirming(false);
    onLeft();
  });
  const link = window.location.origin + pathname;
  const error = rename.error ?? remove.error;
  return (
    <section aria-labelledby={`${nameId}-h`} className="space-y-2 rounded-md border border-line p-3">
      <h3 id={`${nameId}-h`} className="text-xs font-medium text-muted">
        {t(wm.current)}
      </h3>
      {isDefault ? (
        <p className="font-medium">{name}</p>
      ) : (
        <form
          className="flex items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (draft?.trim()) rename.mutate(draft);
          }}
        >
          <label htmlFor={nameId} className="sr-only">
            {t(wm.newName)}
          </label>
          <input id={nameId} className="input flex-1 min-w-0" maxLength={80} value={draft ?? name} onChange={(e) => setDraft(e.target.value)} />
          <button type="submit" className="btn-quiet text-xs" disabled={!draft?.trim() || draft.trim() === name || rename.isPending}>
            {t(wm.rename)}
          </button>
        </form>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <CopyButton text={link} label={wm.copyLink} name={t(wm.copyLinkOf(name))} />
        {!isDefault && !confirming && (
          <button type="button" className="btn-quiet text-xs text-red-700 dark:text-red-300" onClick={() => setConfirming(true)}>
            {t(wm.delete)}
          </button>
        )}
      </div>
      {confirming && (
        <div role="alertdialog" aria-label={t(wm.delete)} className="rounded border border-red-500/60 p-2 space-y-2">
          <p>{t(wm.confirmDelete(name))}</p>
          <div className="flex gap-2">
            <button type="button" className="btn-quiet text-xs text-red-700 dark:text-red-300" disabled={remove.isPending} onClick={() => remove.mutate()}>
              {t(wm.confirm)}
            </button>
            <button type="button" className="btn-quiet text-xs" onClick={() => setConfirming(false)}>
              {t(wm.cancel)}
            </button>
          </div>
        </div>
      )}
      {error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          {t(wm.failed)}{t(messages.colon)}{error.message}
        </p>
      )}
    </section>
  );
}
