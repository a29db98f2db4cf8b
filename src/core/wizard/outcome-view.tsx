import type { ReactNode } from "react";
import { useQuery } from "@tanstack/react-query";
import { clockQuery } from "../api/control.ts";
import { useShownValue } from "../exchange/redaction-context.tsx";
import { RevealList } from "../exchange/reveal-list.tsx";
import { formatTimeLeft, formatUnix } from "../i18n/format.ts";
import { messages } from "../i18n/messages.ts";
import { pm } from "../i18n/page-messages.ts";
import { useT } from "../i18n/use-t.ts";
import { useLocale } from "../prefs/store.ts";
import { CauseAndFix } from "../ui/cause-and-fix.tsx";
import type { ErrorExplanation } from "../provider/contract.ts";
import type { WorkspaceId } from "../workspace/paths.ts";
import type { Localized } from "../i18n/localized.ts";
import { wm } from "./messages.ts";
import type { Fact, ShownOutcome } from "./types.ts";

const TONE = {
  success: "border-emerald-600/40 bg-emerald-50 dark:bg-emerald-950/40",
  warning: "border-amber-600/40 bg-amber-50 dark:bg-amber-950/40",
  error: "border-red-600/40 bg-red-50 dark:bg-red-950/40",
};
const ICON = { success: "✓", warning: "⚠", error: "✕" };

/** The field a fact is about: its label's first word ("access_token", "expires_in (number)"). */
const factField = (fact: Fact) => (typeof fact.label === "string" ? fact.label : fact.label.en).split(/\s/)[0] ?? "";

/** A fact's value as the screen may show it, with its Reveal button while it is hidden. */
function ShownFact({ fact: given, workspace }: { fact: Fact; workspace: WorkspaceId }) {
  const t = useT();
  const fact = { ...given, value: t(given.value) };
  const { shown, hidden } = useShownValue(fact.value, factField(fact), fact.secret);
  const shownFact = shown === fact.value ? fact : { ...fact, value: shown };
  if (hidden.length === 0) return <FactValue fact={shownFact} workspace={workspace} />;
  return (
    <span className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
      {/* Reveal right after the value it shows, before any expiry that follows it. */}
      <FactValue fact={shownFact} workspace={workspace} reveal={<RevealList hidden={hidden} compact />} />
    </span>
  );
}

function FactValue({ fact, workspace, reveal }: { fact: Fact & { value: string }; workspace: WorkspaceId; reveal?: ReactNode }) {
  const t = useT();
  const locale = useLocale();
  const { data: clock } = useQuery(clockQuery(workspace));
  if (fact.expiresAt === "never")
    return (
      <>
        <span className="font-mono">{fact.value}</span>
        {reveal}
        <span className="font-mono">{t(messages.paren(t(pm.neverExpires)))}</span>
      </>
    );
  // The time left is worked out here, against the clock as it is now, never frozen into the fact.
  const at = fact.expiresAt;
  const left = at !== undefined && clock ? at - clock.now : undefined;
  const expired = left !== undefined && left <= 0;
  const live = left === undefined ? "" : expired ? t(pm.expired) : formatTimeLeft(left, locale);
  if (fact.unixTime) {
    const n = Number(fact.value);
    return (
      <>
        <span className="font-mono">{fact.value}</span>
        {reveal} <span className="text-muted">= {Number.isFinite(n) ? formatUnix(n, locale) : "?"}</span>
        {live && expired && <> <span className="whitespace-nowrap chip chip-bad">{live}</span></>}
        {live && !expired && <span className="whitespace-nowrap text-muted">{t(messages.paren(live))}</span>}
      </>
    );
  }
  if (at !== undefined) {
    return (
      <>
        <span className="font-mono">{fact.value}</span>
        {reveal}{" "}
        <span className={expired ? "chip chip-bad" : "text-muted"}>
          {expired ? t(pm.expired) : t(pm.expiresAt)} {formatUnix(at, locale)}
          {live && !expired && <span className="whitespace-nowrap">{t(messages.paren(live))}</span>}
        </span>
      </>
    );
  }
  // An empty string is a value too: shown as "" rather than as nothing.
  if (fact.value === "")
    return (
      <>
        <span className="font-mono text-muted">""</span>
        {reveal}
      </>
    );
  return (
    <>
      <span className="font-mono wrap-anywhere">{fact.value}</span>
      {reveal}
    </>
  );
}

/** A warning about a value; one an earlier step gave word for word folds to a line that says so. */
function FactNote({ note, seenAt }: { note: Localized; seenAt: number | undefined }) {
  const t = useT();
  const tone = "block text-xs text-amber-800 dark:text-amber-200";
  if (seenAt === undefined) return <span className={tone}>⚠ {t(note)}</span>;
  return (
    <details className={tone}>
      <summary className="cursor-pointer">⚠ {t(wm.noteSeenAt(seenAt))}</summary>
      <span>{t(note)}</span>
    </details>
  );
}

/**
 * `inScenario`: a reproduced scenario's card already gives this failure's cause and fix, so the
 * general explanation is folded, and the screen shows one cause, not two worded differently.
 */
export function OutcomeView({
  outcome,
  explanation,
  workspace,
  inScenario = false,
  noteSeenAt,
}: {
  outcome: ShownOutcome;
  explanation?: ErrorExplanation | undefined;
  workspace: WorkspaceId;
  inScenario?: boolean;
  /** The step that already showed this warning about a value, if one did: it is folded here. */
  noteSeenAt?: ((note: Localized) => number | undefined) | undefined;
}) {
  const t = useT();
  // A summary may quote the answer ("Invalid authorization code: F5Gj00"): its secrets are hidden like the facts'
  // (a value revealed at its fact shows here in clear too).
  const { shown: summary } = useShownValue(t(outcome.summary), "");
  return (
    <div className={`@container rounded-md border p-3 space-y-2 ${TONE[outcome.status]}`} role={outcome.status === "error" ? "alert" : "status"} data-outcome={outcome.status}>
      <p className="font-medium">
        <span aria-hidden="true">{ICON[outcome.status]} </span>
        {summary}
      </p>
      {outcome.facts && outcome.facts.length > 0 && (
        // Name and value side by side where there is room; in a narrow result column (1024 px wide
        // screens) the name goes above its value, so values are not broken every few characters.
        // The name column is capped, so one long name ("error_description (string)") cannot squeeze every value.
        <dl className="grid grid-cols-1 @sm:grid-cols-[minmax(0,14rem)_1fr] gap-x-3 gap-y-1 text-sm">
          {outcome.facts.map((fact, i) => (
            <div key={i} className="contents">
              <dt className="font-mono text-muted wrap-anywhere">{t(fact.label)}</dt>
              <dd className="min-w-0 @max-sm:pl-3 @max-sm:pb-1">
                <ShownFact fact={fact} workspace={workspace} />
                {fact.hint && <span className="block text-xs text-muted">{t(fact.hint)}</span>}
                {fact.note && <FactNote note={fact.note} seenAt={noteSeenAt?.(fact.note)} />}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {explanation && (
        <section aria-label={t(pm.whyError)} className="text-sm border-t border-line pt-2 space-y-1">
          {inScenario ? (
            <>
              <p className="text-muted">{t(pm.whyErrorSeeScenario)}</p>
              <details>
                <summary className="cursor-pointer">{t(pm.whyErrorInGeneral)}</summary>
                <div className="space-y-1 mt-1">
                  <CauseAndFix cause={explanation.cause} fix={explanation.fix} source={explanation.source} />
                </div>
              </details>
            </>
          ) : (
            <>
              <h4 className="font-semibold">{t(pm.whyError)}</h4>
              <CauseAndFix cause={explanation.cause} fix={explanation.fix} source={explanation.source} />
            </>
          )}
        </section>
      )}
    </div>
  );
}
