import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { clearTarget, setTarget, targetKeys, targetsQuery, type Targets } from "../api/targets.ts";
import { useT } from "../i18n/use-t.ts";
import { CopyButton } from "../ui/copy-button.tsx";
import { callbackPath, liveBase, type WorkspaceId } from "../workspace/paths.ts";
import { lm } from "./messages.ts";

interface Props {
  workspace: WorkspaceId;
  providerId: string;
  /** The document's base, offered as the real server's ("" when the document gives none). */
  documentedBase: string;
}

/** Where this workspace's flow runs: the bundled mock, or a real server whose base is set on the playground's server. */
export function TargetControl({ workspace, providerId, documentedBase }: Props) {
  const t = useT();
  const queryClient = useQueryClient();
  const targets = useQuery(targetsQuery(workspace));
  const current = targets.data?.[providerId]?.base;
  const [choice, setChoice] = useState<"mock" | "real" | undefined>();
  const [draft, setDraft] = useState<string | undefined>();
  const mode = choice ?? (current ? "real" : "mock");
  const base = draft ?? current ?? documentedBase;
  const saved = (data: { base: string | null }) => {
    queryClient.setQueryData<Targets>(targetKeys.all(workspace), (old) => {
      const { [providerId]: _dropped, ...others } = old ?? {};
      return data.base ? { ...others, [providerId]: { base: data.base } } : others;
    });
    setDraft(undefined);
  };
  const save = useMutation({ mutationFn: (b: string) => setTarget(workspace, providerId, b.trim()), onSuccess: saved });
  const clear = useMutation({ mutationFn: () => clearTarget(workspace, providerId), onSuccess: saved });
  const pick = (next: "mock" | "real") => {
    setChoice(next);
    save.reset();
    if (next === "mock" && current) clear.mutate();
  };
  const name = `target-${providerId}`;
  const callback = window.location.origin + callbackPath(workspace);

  return (
    <fieldset className="min-w-0 space-y-1.5 text-xs" aria-describedby={`${name}-state`}>
      <legend className="text-sm font-semibold">{t(lm.target)}</legend>
      <div className="flex flex-wrap gap-x-3 gap-y-1">
        {(["mock", "real"] as const).map((value) => (
          <label key={value} className="flex items-center gap-1.5 text-sm cursor-pointer" title={t(value === "mock" ? lm.bundledMockHelp : lm.realServerHelp)}>
            <input type="radio" name={name} value={value} checked={mode === value} onChange={() => pick(value)} />
            {t(value === "mock" ? lm.bundledMock : lm.realServer)}
          </label>
        ))}
      </div>
      {!current && <p className="text-muted">{t(mode === "mock" ? lm.bundledMockHelp : lm.realServerHelp)}</p>}
      {mode === "real" && (
        <form
          className="space-y-1"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(base);
          }}
        >
          <label htmlFor={`${name}-base`} className="block font-medium">
            {t(lm.baseUrl)}
          </label>
          <div className="flex flex-wrap gap-1">
            <input
              id={`${name}-base`}
              className="input min-w-0 flex-1 basis-44 font-mono"
              value={base}
              onChange={(e) => setDraft(e.target.value)}
              aria-describedby={current ? undefined : `${name}-base-help`}
              spellCheck={false}
              autoComplete="off"
              inputMode="url"
            />
            <button type="submit" className="btn-quiet disabled:opacity-50" aria-label={t(lm.useServerName)} disabled={save.isPending || base.trim() === current}>
              {save.isPending ? t(lm.saving) : t(lm.useServer)}
            </button>
          </div>
          {!current && (
            <p id={`${name}-base-help`} className="text-muted">
              {t(lm.baseUrlHelp)}
            </p>
          )}
          {(save.error ?? clear.error) && (
            <p role="alert" className="text-red-700 dark:text-red-300 break-words">
              {(save.error ?? clear.error)?.message}
            </p>
          )}
        </form>
      )}
      <div id={`${name}-state`} role="status" className="space-y-1.5">
        {current && mode === "real" && (
          <>
            <p>
              <span className="chip chip-info mr-1">{t(lm.live)}</span>
              {t(lm.liveNow)} <span className="font-mono wrap-anywhere">{current}</span>
            </p>
            <details>
              <summary className="cursor-pointer text-muted">{t(lm.whatIsRecorded)}</summary>
              <p className="text-muted mt-1">{t(lm.notRecorded)}</p>
              <p className="text-muted mt-1">
                {t(lm.recorded)} <span className="font-mono wrap-anywhere">{liveBase(workspace, providerId)}</span>
              </p>
            </details>
            <div className="space-y-1">
              <p className="font-medium">{t(lm.registerRedirect)}</p>
              <div className="flex flex-wrap items-start gap-1">
                <code className="code-block wrap-anywhere min-w-0 flex-1 basis-40" data-testid="live-redirect-uri">
                  {callback}
                </code>
                <CopyButton text={callback} label={lm.copyRedirect} />
              </div>
            </div>
          </>
        )}
      </div>
    </fieldset>
  );
}
