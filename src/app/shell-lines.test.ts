/**
 * What a real shell makes of the lines the playground generates: Copy as curl, run by bash.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toCurl } from "../core/exchange/to-curl.ts";

const END = "\u0001end-of-args\u0001";

/** Runs lines in bash with `curl` replaced by a function that prints its arguments: the words the shell would pass. */
function bashWords(lines: string[], cwd?: string): string[][] {
  const script = ['curl() { printf "%s\\0" "$@"; printf "%s\\0" "$END"; }', ...lines].join("\n");
  const out = execFileSync("bash", ["--norc", "--noprofile", "-c", script], { cwd, env: { PATH: process.env.PATH, END, LC_ALL: "C.UTF-8" }, encoding: "utf8" });
  const runs: string[][] = [[]];
  for (const w of out.split("\0").slice(0, -1)) {
    if (w === END) runs.push([]);
    else runs.at(-1)!.push(w);
  }
  return runs.slice(0, -1);
}

describe("Copy as curl, through bash", () => {
  it("never runs what an imported request carries", () => {
    const dir = mkdtempSync(join(tmpdir(), "curl-"));
    const line = toCurl({ method: "POST;touch pwned;#", url: "http://x/$(touch url)", headers: [["a`touch header`", "$(touch value)"]], body: "'; touch body; '" });
    expect(bashWords([line], dir)).toEqual([["-X", "POST;touch pwned;#", "-H", "a`touch header`: $(touch value)", "--data-raw", "'; touch body; '", "http://x/$(touch url)"]]);
    for (const file of ["pwned", "url", "header", "value", "body"]) expect(existsSync(join(dir, file))).toBe(false);
  });

  it("gives bash exactly the recorded bytes, whatever they are", { timeout: 30_000 }, () => {
    const text = fc.string({ unit: "binary", maxLength: 40 }).map((s) => s.replace(/\0/g, ""));
    const requests = fc.sample(fc.record({ method: text.filter((s) => s !== "GET"), url: text, name: text, value: text, body: text.filter((s) => s !== "") }), { numRuns: 300, seed: 20261201 });
    const lines = requests.map((r) => toCurl({ method: r.method, url: r.url, headers: [[r.name, r.value]], body: r.body }));
    const runs = bashWords(lines);
    requests.forEach((r, i) => expect(runs[i], lines[i]).toEqual(["-X", r.method, "-H", `${r.name}: ${r.value}`, "--data-raw", r.body, r.url]));
  });
});
