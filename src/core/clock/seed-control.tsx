import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { controlKeys, resetMocks, seedQuery, setSeed } from "../api/control.ts";
import { messages } from "../i18n/messages.ts";
import { useT } from "../i18n/use-t.ts";
import { Popover } from "../ui/popover.tsx";
import { useWorkspace } from "../workspace/use-workspace.ts";
import { useWorkspaceGone } from "../workspace/use-workspace-gone.ts";

/** Deterministic mode: with a seed, a reset replays the same codes and tokens byte for byte. */
export function SeedControl() {
  const t = useT();
  const queryClient = useQueryClient();
  const workspace = useWorkspace();
  // A gone workspace has no clock or seed to show: the page says it is gone instead.
  const gone = useWorkspaceGone();
  const { data } = useQuery({ ...seedQuery(workspace), enabled: !gone });
  const [draft, setDraft] = useState("");
  const apply = useMutation({
    mutationFn: async (seed: number | null) => {
      await setSeed(workspace, seed);
      await resetMocks(workspace);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: controlKeys.workspace(workspace) }),
  });
  const current = data?.seed ?? null;
  const summary = current === null ? `${t(messages.seed)}${t(messages.colon)}${t(messages.random)}` : `${t(messages.seed)} ${current}`;
  if (gone) return null;
  return (
    <Popover
      label={t(messages.deterministic)}
      buttonLabel={summary}
      // Fixed width, the number cut short: a long seed never wraps the header.
      buttonClassName="w-32 text-xs"
      summary={
        <span className="truncate" data-testid="current-seed" title={summary}>
          {summary}
        </span>
      }
    >
      {(close) => (
        <form
          className="space-y-2 text-xs w-72"
          aria-label={t(messages.deterministic)}
          onSubmit={(e) => {
            e.preventDefault();
            const n = Number(draft);
            apply.mutate(draft.trim() === "" || !Number.isInteger(n) || n < 0 ? null : n, { onSuccess: close });
          }}
        >
          <p className="text-muted">{t(messages.deterministicHelp)}</p>
          <div className="flex items-center gap-1">
            <label htmlFor="seed-input" className="text-muted">
              {t(messages.seed)}
            </label>
            <input id="seed-input" inputMode="numeric" className="input w-32 py-0.5" placeholder={current === null ? t(messages.random) : String(current)} value={draft} onChange={(e) => setDraft(e.target.value)} />
            <button type="submit" className="btn-quiet" aria-label={t(messages.applySeed)}>
              {t(messages.applySeedShort)}
            </button>
          </div>
        </form>
      )}
    </Popover>
  );
}
