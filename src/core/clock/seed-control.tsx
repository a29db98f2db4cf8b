import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { controlKeys, resetMocks, seedQuery, setSeed } from "../api/control.ts";
import { messages } from "../i18n/messages.ts";
import { useT } from "../i18n/use-t.ts";
import { DEFAULT_WORKSPACE } from "../workspace/paths.ts";

/** Deterministic mode: with a seed, a reset replays the same codes and tokens byte for byte. */
export function SeedControl() {
  const t = useT();
  const queryClient = useQueryClient();
  const { data } = useQuery(seedQuery(DEFAULT_WORKSPACE));
  const [draft, setDraft] = useState("");
  const apply = useMutation({
    mutationFn: async (seed: number | null) => {
      await setSeed(DEFAULT_WORKSPACE, seed);
      await resetMocks(DEFAULT_WORKSPACE);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: controlKeys.all }),
  });
  const current = data?.seed ?? null;
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
