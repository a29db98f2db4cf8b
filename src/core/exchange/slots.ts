import { formDecode } from "./encodings.ts";

/**
 * A value found inside a text: where it stands, the name it stands under (decoded), its
 * decoded value, and how to write a replacement back in the same syntax.
 */
export interface Slot {
  start: number;
  end: number;
  name: string | undefined;
  value: string;
  /** Always secret whatever its name (an Authorization credential, a cookie). */
  secret?: boolean;
  write: (value: string) => string;
}

/** `a=1&b=2` pairs (a query, a fragment, a form body) starting at `offset` of the whole text. */
export function pairSlots(text: string, offset: number, write: (value: string) => string): Slot[] {
  const slots: Slot[] = [];
  let at = 0;
  for (const part of text.split("&")) {
    const eq = part.indexOf("=");
    if (eq > 0) slots.push({ start: offset + at + eq + 1, end: offset + at + part.length, name: formDecode(part.slice(0, eq)), value: formDecode(part.slice(eq + 1)), write });
    at += part.length + 1;
  }
  return slots;
}

/** The query and fragment pairs of a URL, as written (never re-serialised). */
export function urlSlots(url: string, write: (value: string) => string): Slot[] {
  const hash = url.indexOf("#");
  const beforeHash = hash < 0 ? url : url.slice(0, hash);
  const query = beforeHash.indexOf("?");
  const slots = query < 0 ? [] : pairSlots(beforeHash.slice(query + 1), query + 1, write);
  return hash < 0 ? slots : [...slots, ...pairSlots(url.slice(hash + 1), hash + 1, write)];
}

function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i + 1;
  }
  return -1;
}

const jsonString = (value: string) => JSON.stringify(value);
const LITERAL = /^(?:null|true|false)$/;

/**
 * Every string and scalar value of a JSON text, with the key it stands under (an array's
 * items take the array's key). Lenient: a truncated body, a JSONP call around the JSON or
 * trailing junk still give every value that was readable.
 */
export function jsonSlots(text: string): Slot[] {
  const slots: Slot[] = [];
  const stack: Array<{ array: boolean; key: string | undefined }> = [];
  let key: string | undefined;
  let afterColon = false;
  const nameHere = () => (afterColon ? key : stack.at(-1)?.array ? stack.at(-1)!.key : undefined);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') {
      const end = stringEnd(text, i);
      if (end < 0) break;
      let value: string;
      try {
        value = JSON.parse(text.slice(i, end)) as string;
      } catch {
        i = end - 1;
        continue;
      }
      let j = end;
      while (/\s/.test(text[j] ?? "")) j++;
      if (text[j] === ":") {
        key = value;
        afterColon = true;
        i = j;
        continue;
      }
      slots.push({ start: i, end, name: nameHere(), value, write: jsonString });
      afterColon = false;
      i = end - 1;
    } else if (ch === "{" || ch === "[") {
      stack.push({ array: ch === "[", key: nameHere() });
      afterColon = false;
    } else if (ch === "}" || ch === "]") {
      stack.pop();
      afterColon = false;
    } else if (ch === ",") afterColon = false;
    else if ((afterColon || stack.at(-1)?.array) && /[-0-9a-z]/.test(ch)) {
      // A number is a value like a string; null/true/false never are secrets, but stay slots so the text between slots is only punctuation.
      const run = /^[^\s,}\]]+/.exec(text.slice(i, i + 512))![0];
      slots.push({ start: i, end: i + run.length, name: LITERAL.test(run) ? undefined : nameHere(), value: run, write: jsonString });
      afterColon = false;
      i += run.length - 1;
    }
  }
  return slots;
}
