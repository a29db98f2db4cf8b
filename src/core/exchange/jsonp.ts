/**
 * The one JSONP reader of the browser side: `cb({...})` as servers write it, with the
 * `/**\/` prefix and `typeof cb === 'function' &&` guard some frameworks add, and a
 * trailing semicolon.
 */
const JSONP = /^\s*(?:\/\*\*\/\s*)?(?:typeof\s+[A-Za-z_$][\w$.]*\s*===?\s*['"]function['"]\s*&&\s*)?([A-Za-z_$][\w$.]*)\s*\(([\s\S]*)\)\s*;?\s*$/;

/** The callback's name and its argument's text, or undefined when the text is not a JSONP call. */
export function splitJsonp(text: string): { callback: string; argument: string } | undefined {
  const match = JSONP.exec(text);
  return match ? { callback: match[1]!, argument: match[2]! } : undefined;
}

/** A JSONP answer's callback and its parsed JSON argument; undefined unless both are there. */
export function parseJsonp(text: string): { callback: string; json: unknown } | undefined {
  const split = splitJsonp(text);
  if (!split) return undefined;
  try {
    return { callback: split.callback, json: JSON.parse(split.argument) };
  } catch {
    return undefined;
  }
}

/** A body as JSON, or as the JSON inside a JSONP call; undefined when it is neither. */
export function parseJsonOrJsonp(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return parseJsonp(body)?.json;
  }
}
