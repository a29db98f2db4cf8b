import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { Exchange, RawRequest, RawResponse } from "./exchange.ts";
import { collectSecrets, redactRequest, redactResponse, redactText, redactUrl, Secrets, type Labeler, type SecretFieldNames } from "./redact.ts";
import { onScreen, type HiddenValue, type ScreenRedaction } from "./screen-redaction.ts";

/** The page's screen redaction; undefined when "Redact secrets" is off (or outside a RedactionScope). */
export const RedactionContext = createContext<ScreenRedaction | undefined>(undefined);

export const useScreenRedaction = () => useContext(RedactionContext);

type Shown<T> = { shown: T; hidden: HiddenValue[] };
const clear = <T,>(shown: T): Shown<T> => ({ shown, hidden: [] });

/**
 * The page's redaction, with the secrets these exchanges carry added for the views below:
 * for what a page shows without having recorded it (the diagnoser's pasted evidence and its
 * replay). Nothing changes while redaction is off.
 */
export function RedactionWith({ exchanges, children }: { exchanges: readonly Exchange[]; children: ReactNode }) {
  const redaction = useScreenRedaction();
  const value = useMemo(() => (redaction ? { ...redaction, secrets: collectSecrets(exchanges, redaction.fields, redaction.secrets) } : undefined), [redaction, exchanges]);
  return <RedactionContext value={value}>{children}</RedactionContext>;
}

const NO_FIELDS: SecretFieldNames = new Set();
const asIs: Labeler = (value) => value;

/**
 * Any value as the screen shows it, redacted by `redact` (a function of the module, so the
 * memo holds): for views with a shape of their own (the diagnoser's findings and table).
 * While redaction is off it runs with no secrets and a labeler that writes every value as
 * it is, which must give the value unchanged (in the shape the view shows).
 */
export function useShown<T, S>(value: T, redact: (value: T, secrets: Secrets, fields: SecretFieldNames, labeler: Labeler) => S): Shown<S> {
  const redaction = useScreenRedaction();
  return useMemo(() => (redaction ? onScreen(redaction, (s, f, l) => redact(value, s, f, l)) : clear(redact(value, Secrets.none, NO_FIELDS, asIs))), [redaction, value, redact]);
}

/** A request as the screen shows it, with the values it hides. */
export function useShownRequest<R extends RawRequest>(request: R): Shown<R> {
  const redaction = useScreenRedaction();
  return useMemo(() => (redaction ? onScreen(redaction, (s, f, l) => redactRequest(request, s, f, l)) : clear(request)), [redaction, request]);
}

export function useShownResponse<R extends RawResponse>(response: R): Shown<R> {
  const redaction = useScreenRedaction();
  return useMemo(() => (redaction ? onScreen(redaction, (s, f, l) => redactResponse(response, s, f, l)) : clear(response)), [redaction, response]);
}

export function useShownUrl(url: string): Shown<string> {
  const redaction = useScreenRedaction();
  return useMemo(() => (redaction ? onScreen(redaction, (s, f, l) => redactUrl(url, s, f, l)) : clear(url)), [redaction, url]);
}

/**
 * A value shown on its own (a fact): hidden whole when it is secret (marked so, or named
 * after a secret field), otherwise with every known secret in it replaced.
 */
export function useShownValue(value: string, field: string, marked = false): Shown<string> {
  const redaction = useScreenRedaction();
  return useMemo(() => {
    if (!redaction) return clear(value);
    const secret = marked || redaction.fields.has(field.toLowerCase());
    return onScreen(redaction, (s, _f, l) => (secret && value ? l(value, field) : redactText(value, s, l)));
  }, [redaction, value, field, marked]);
}
