import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { createWorkspace, workspaceKeys, workspacesQuery } from "../api/workspaces.ts";
import { formatDayAndMinute } from "../i18n/format.ts";
import { messages } from "../i18n/messages.ts";
import { useT } from "../i18n/use-t.ts";
import { useLocale } from "../prefs/store.ts";
import { wm } from "./messages.ts";
import { DEFAULT_WORKSPACE, samePageIn, type WorkspaceId } from "./paths.ts";

/** Every workspace to switch to (the same page in it), newest first after the default, and a form to create one. */
export function WorkspaceList({ current, onChosen }: { current: WorkspaceId; onChosen: () => void }) {
  const t = useT();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { data, error } = useQuery(workspacesQuery());
  const [name, setName] = useState("");
  const nameId = useId();
  const create = useMutation({
    mutationFn: () => createWorkspace(name.trim() || t(wm.unnamed(formatDayAndMinute(Date.now(), locale)))),
    onSuccess: (created) => {
      setName("");
      void queryClient.invalidateQueries({ queryKey: workspaceKeys.list() });
      onChosen();
      navigate(samePageIn(pathname, current, created.id));
    },
  });
  const rows = [
    { id: DEFAULT_WORKSPACE, name: t(wm.defaultName), exchanges: data?.default.exchanges },
    ...(data?.workspaces ?? []).map((w) => ({ id: w.id, name: w.name, exchanges: w.exchanges as number | undefined })),
  ];
  return (
    <>
      <section aria-labelledby={`${nameId}-list`} className="space-y-1">
        <h3 id={`${nameId}-list`} className="text-xs font-medium text-muted">
          {t(wm.list)}
        </h3>
        <ul aria-labelledby={`${nameId}-list`} className="max-h-56 overflow-auto space-y-0.5">
          {rows.map((w) => (
            <li key={w.id}>
              <Link
                to={samePageIn(pathname, current, w.id)}
                aria-current={w.id === current ? "page" : undefined}
                onClick={onChosen}
                className="flex items-baseline justify-between gap-2 rounded px-2 py-1 hover:bg-surface-2 aria-[current=page]:bg-surface-2 aria-[current=page]:font-medium"
              >
                <span className="truncate">
                  {w.name}
                  {w.id === current && <span className="text-muted"> {t(wm.youAreHere)}</span>}
                </span>
                {w.exchanges !== undefined && <span className="text-xs text-muted shrink-0">{t(wm.exchanges(w.exchanges))}</span>}
              </Link>
            </li>
          ))}
        </ul>
        {error && (
          <p role="alert" className="text-xs text-red-700 dark:text-red-300">
            {t(wm.failed)}{t(messages.colon)}{error.message}
          </p>
        )}
      </section>
      <form
        className="flex items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <div className="flex-1 min-w-0">
          <label htmlFor={nameId} className="block text-xs text-muted">
            {t(wm.createName)}
          </label>
          <input id={nameId} className="input w-full" maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <button type="submit" className="btn-quiet text-xs" disabled={create.isPending}>
          {t(wm.create)}
        </button>
      </form>
      {create.error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          {t(wm.failed)}{t(messages.colon)}{create.error.message}
        </p>
      )}
    </>
  );
}
