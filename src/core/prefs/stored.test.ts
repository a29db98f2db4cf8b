import { describe, expect, it } from "vitest";
import { defaultTrafficHeight } from "./store.ts";
import { intBetween, isBoolean, oneOf, orNull, readStored } from "./stored.ts";

const guards = { theme: oneOf("system", "light", "dark"), folded: isBoolean, height: intBetween(0, 10_000) };

describe("readStored", () => {
  it("keeps each field that has the expected type", () => {
    expect(readStored(JSON.parse('{"theme":"dark","folded":true,"height":320}'), guards)).toEqual({ theme: "dark", folded: true, height: 320 });
  });
  it("drops whatever else storage holds, field by field", () => {
    expect(readStored({ theme: "neon", folded: "yes", height: 1e9, extra: 1 }, guards)).toEqual({});
    expect(readStored({ theme: "light", height: 2.5 }, guards)).toEqual({ theme: "light" });
    for (const junk of [null, "dark", 42, [], undefined]) expect(readStored(junk, guards)).toEqual({});
  });
  it("never reads inherited keys (a polluted prototype is not a stored value)", () => {
    const stored = Object.create({ theme: "dark" }) as object;
    expect(readStored(stored, guards)).toEqual({});
  });
});

describe("orNull and the drawer's default height", () => {
  it("takes null (not set yet) as well as what the guard takes", () => {
    const height = orNull(intBetween(0, 10_000));
    expect([null, 0, 320].every(height)).toBe(true);
    expect([undefined, "320", -1, 2.5].some(height)).toBe(false);
  });
  it("starts the drawer at a fifth of the window, between 120 and 240 px", () => {
    expect(defaultTrafficHeight(768)).toBe(154);
    expect(defaultTrafficHeight(900)).toBe(180);
    expect(defaultTrafficHeight(1200)).toBe(240);
    expect(defaultTrafficHeight(400)).toBe(120);
  });
});
