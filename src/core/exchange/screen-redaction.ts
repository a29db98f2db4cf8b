import type { Exchange } from "./exchange.ts";
import { collectSecrets, type Labeler, type SecretFieldNames, Secrets } from "./redact.ts";

/**
 * What the screen hides while "Redact secrets" is ticked: the same redaction as the exports
 * (redact.ts), with a labeler that leaves the values the user revealed in clear.
 */
export interface ScreenRedaction {
  secrets: Secrets;
  fields: SecretFieldNames;
  /** Values shown in clear on request, one at a time; kept in memory only. */
  revealed: ReadonlySet<string>;
  /** Providers whose secret field names are not known yet (their flow is loading): their exchanges are not shown until they are. */
  loading?: ReadonlySet<string>;
}

/** A value one view hid (or revealed on request), for its Reveal button. */
export interface HiddenValue {
  value: string;
  /** The field it stood in (client_secret, code, authorization…), when the view saw one. */
  field: string | undefined;
  label: string;
  revealed: boolean;
}

/**
 * The labeler one view redacts with, and the values it met in order: unrevealed ones are
 * written as their fingerprint, revealed ones in clear (decoded, as the fields read).
 */
export function screenLabeler(redaction: ScreenRedaction): { labeler: Labeler; hidden: () => HiddenValue[] } {
  const met = new Map<string, HiddenValue>();
  const labeler: Labeler = (value, field) => {
    const label = redaction.secrets.label(value);
    const revealed = redaction.revealed.has(value);
    const known = met.get(value);
    if (!known) met.set(value, { value, field, label, revealed });
    else if (!known.field && field) known.field = field;
    return revealed ? value : label;
  };
  return { labeler, hidden: () => [...met.values()] };
}

/**
 * A redacted URL as a person reads it: inside a URL a fingerprint's # is written %23 (it would
 * start a fragment), so `code=[redacted%2365e3188c]` would not look like the fact's
 * `[redacted#65e3188c]` beside it. For text on screen only; copies keep the URL valid.
 */
export const readableUrl = (url: string): string => url.replace(/\[redacted%23([0-9a-f]{8})\]/g, "[redacted#$1]");

/** Runs one redaction for the screen: what it shows, and what it hid. */
export function onScreen<T>(redaction: ScreenRedaction, redact: (secrets: Secrets, fields: SecretFieldNames, labeler: Labeler) => T): { shown: T; hidden: HiddenValue[] } {
  const { labeler, hidden } = screenLabeler(redaction);
  const shown = redact(redaction.secrets, redaction.fields, labeler);
  return { shown, hidden: hidden() };
}

/**
 * Collects the traffic's secrets a batch at a time: exchanges it has already read are
 * skipped, and the Secrets stay the same object while nothing new turns up (so rows that
 * depend on them are not rendered again).
 */
export function secretsCollector() {
  let state: { fields: SecretFieldNames; base: Secrets; secrets: Secrets; seen: WeakSet<Exchange> } | undefined;
  return (exchanges: readonly Exchange[], fields: SecretFieldNames, base: Secrets): Secrets => {
    if (!state || state.fields !== fields || state.base !== base) state = { fields, base, secrets: base, seen: new WeakSet() };
    const fresh: Exchange[] = [];
    for (const e of exchanges) {
      if (state.seen.has(e)) continue;
      state.seen.add(e);
      fresh.push(e);
    }
    if (fresh.length) state.secrets = collectSecrets(fresh, fields, state.secrets);
    return state.secrets;
  };
}

export { Secrets };
