/** The ways a browser, curl or a JSON writer can spell one value on the wire, and the way back. */

const percentLower = (s: string) => s.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
const hex2 = (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`;

/** application/x-www-form-urlencoded as browsers write it (URLSearchParams, HTML forms): space as `+`, `~!'()` escaped. */
export const formEncode = (value: string): string => new URLSearchParams([["", value]]).toString().slice(1);

/** What `curl --data-urlencode` writes: everything but letters, digits and `-._~` escaped, space as %20. */
export const curlEncode = (value: string): string => encodeURIComponent(value).replace(/[!'()*]/g, hex2);

/** A form or query value decoded (`+` is a space); malformed escapes are kept as written, never thrown on. */
export function formDecode(text: string): string {
  const spaced = text.replace(/\+/g, " ");
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

const jsonInner = (value: string) => JSON.stringify(value).slice(1, -1);
const unicodeEscaped = (s: string, upper: boolean) =>
  s.replace(/[^\x20-\x7e]/g, (c) => {
    const code = c.charCodeAt(0).toString(16).padStart(4, "0");
    return `\\u${upper ? code.toUpperCase() : code}`;
  });

/**
 * Every spelling of a value this playground knows to look for in text: raw, percent-encoded
 * (encodeURIComponent, curl, form with `+`; upper- and lower-case hex), and inside a JSON
 * string (JavaScript's escapes, PHP's `\/`, Python's and PHP's `\uXXXX` for non-ASCII).
 */
export function spellings(value: string): string[] {
  const json = jsonInner(value);
  // A lone surrogate (a cut body, a broken escape) has no percent-encoding: only its JSON spellings exist.
  const percent = !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value) ? [encodeURIComponent(value), curlEncode(value), formEncode(value)] : [];
  return [
    ...new Set([
      value,
      ...percent,
      ...percent.map(percentLower),
      json,
      json.replace(/\//g, "\\/"),
      unicodeEscaped(json, false),
      unicodeEscaped(json, true),
      unicodeEscaped(json, false).replace(/\//g, "\\/"),
    ]),
  ];
}
