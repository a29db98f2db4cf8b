import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { controlKeys, resetMocks, seedQuery, setSeed } from "../api/control.ts";
import { messages } from "../i18n/messages.ts";
import { useT } from "../i18n/use-t.ts";
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
  if (gone) return null;
  return (
    <form
      className="flex items-center gap-1 text-xs"
      aria-label={t(messages.deterministic)}
      title={t(messages.deterministicHelp)}
      onSubmit={(e) => {
        e.preventDefault();
        const n = Number(draft);
        apply.mutate(draft.trim() === "" || !Number.isInteger(n) || n < 0 ? null : n);
      }}
    >
      <label htmlFor="seed-input" className="text-muted">
        {t(messages.seed)}
      </label>
      <input id="seed-input" inputMode="numeric" className="input w-20 py-0.5" placeholder={current === null ? t(messages.random) : String(current)} value={draft} onChange={(e) => setDraft(e.target.value)} />
      <button type="submit" className="btn-quiet" aria-label={t(messages.applySeed)}>
        {t(messages.applySeedShort)}
      </button>
      {current !== null && (
        <span className="chip chip-info" data-testid="current-seed">
          {t(messages.seed)} {current}
        </span>
      )}
    </form>
  );
}
