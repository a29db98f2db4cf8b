/**
 * The document's example answers, which a real server's answers are held to (live targets), for
 * every registered provider: declared, on documented paths, shaped like the mock's own documented
 * answers, and free of differences from themselves.
 */
import { describe, expect, it } from "vitest";
import { askedFor, differencesFromDocument } from "../../src/core/live/differences.ts";
import { mockEntries } from "../providers.ts";

describe.each(mockEntries.map((entry) => [entry.contract.id, entry] as const))("%s: the document's example answers", (_id, { contract, probes }) => {
  const answers = contract.answers ?? [];

  it("are declared, each for one of the contract's documented paths and quoted from the document", () => {
    expect(answers.length).toBeGreaterThan(0);
    for (const answer of answers) {
      expect(Object.values(contract.paths)).toContain(answer.request.path);
      expect(answer.source.length).toBeGreaterThan(4);
      for (const field of answer.fixed ?? []) expect(field.split(".").reduce<unknown>((at, name) => (at as Record<string, unknown> | undefined)?.[name], answer.example), field).not.toBeUndefined();
    }
  });

  it("fit one of the mock's own documented answer schemas: the data and the mock agree", () => {
    for (const answer of answers) expect(probes.fuzz.answers.some((schema) => schema.safeParse(answer.example).success), JSON.stringify(answer.request)).toBe(true);
  });

  it("show no differences from themselves, and are found for their own request", () => {
    for (const answer of answers) {
      const path = answer.request.path.replace(/\{[^/}]+\}/g, "x1");
      const query = new URLSearchParams(answer.request.when).toString();
      const asked = askedFor({ method: answer.request.method, url: `http://h/live/${contract.id}${path}${query ? `?${query}` : ""}`, headers: [], body: "" }, `http://h/live/${contract.id}`);
      expect(differencesFromDocument(contract, asked, { status: answer.status, json: answer.example })).toEqual([]);
    }
  });
});
