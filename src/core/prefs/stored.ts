/**
 * Reading preferences back from localStorage, field by field: anything but the expected type
 * keeps that field's default. These two stores are on the home page's first load, whose 130 KB
 * budget cannot carry zod's core (about 15 KB gzipped, measured); every other stored or received
 * value is parsed with zod, in the chunks that load later.
 */
type Guard<T> = (value: unknown) => value is T;

export const oneOf =
  <const T extends readonly string[]>(...values: T): Guard<T[number]> =>
  (value): value is T[number] =>
    typeof value === "string" && values.includes(value);

export const isBoolean: Guard<boolean> = (value): value is boolean => typeof value === "boolean";

export const intBetween =
  (min: number, max: number): Guard<number> =>
  (value): value is number =>
    Number.isInteger(value) && (value as number) >= min && (value as number) <= max;

export const orNull =
  <T>(guard: Guard<T>): Guard<T | null> =>
  (value): value is T | null =>
    value === null || guard(value);

/** The fields of `stored` that pass their guard; the rest are left out (the store's defaults stand). */
export function readStored<T extends object>(stored: unknown, guards: { [K in keyof T]: Guard<T[K]> }): Partial<T> {
  if (typeof stored !== "object" || stored === null) return {};
  const record = stored as Record<string, unknown>;
  const kept: Partial<T> = {};
  for (const key of Object.keys(guards) as Array<keyof T & string>) {
    if (Object.hasOwn(record, key) && guards[key](record[key])) kept[key] = record[key] as T[typeof key];
  }
  return kept;
}
