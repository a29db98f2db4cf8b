import { useT } from "../i18n/use-t.ts";
import type { LiveRun } from "../wizard/types.ts";
import { lm } from "./messages.ts";

/** A live run's answer against the document: who answered, and each difference (none listed when the document shows no answer). */
export function LiveDifferences({ live }: { live: LiveRun }) {
  const t = useT();
  return (
    <section aria-label={t(live.differences ? lm.differences : lm.live)} className="text-sm rounded-md border border-sky-600/40 bg-sky-50 dark:bg-sky-950/40 p-3 space-y-1">
      <p className="text-xs">
        <span className="chip chip-info mr-1">{t(lm.live)}</span>
        {t(lm.answeredBy(live.base))}
      </p>
      {live.differences && (
        <>
          <h4 id="live-differences" className="font-semibold">
            {t(lm.differences)}
          </h4>
          {live.differences.length === 0 ? (
            <p>{t(lm.noDifferences)}</p>
          ) : (
            <ul className="list-disc pl-5 space-y-0.5" aria-labelledby="live-differences">
              {live.differences.map((d, i) => (
                <li key={i} className="font-mono text-xs break-words">
                  {t(d.text)}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
