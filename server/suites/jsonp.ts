/** A JSONP answer's parts, `callback(json)`; undefined when the text is not one call with one JSON value. */
export function jsonpCall(text: string): { callback: string; argument: unknown } | undefined {
  const match = /^([^(]*)\((.*)\)$/s.exec(text);
  if (!match) return undefined;
  try {
    return { callback: match[1]!, argument: JSON.parse(match[2]!) as unknown };
  } catch {
    return undefined;
  }
}
