import { createContext, useContext, useMemo } from "react";
import type { RawRequest, RawResponse } from "./exchange.ts";
import { redactRequest, redactResponse, redactText, redactUrl } from "./redact.ts";
import { onScreen, type HiddenValue, type ScreenRedaction } from "./screen-redaction.ts";

/** The page's screen redaction; undefined when "Redact secrets" is off (or outside a flow). */
export const RedactionContext = createContext<ScreenRedaction | undefined>(undefined);

export const useScreenRedaction = () => useContext(RedactionContext);

type Shown<T> = { shown: T; hidden: HiddenValue[] };
const clear = <T,>(shown: T): Shown<T> => ({ shown, hidden: [] });

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
