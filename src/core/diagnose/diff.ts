import type { DiffOp } from "./types.ts";

/** Levenshtein distance. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** A near miss: a typo (≤ 2 edits) or the same stem with a different ending (redirect_id / redirect_uri). */
export function isNearMiss(got: string, want: string): boolean {
  if (got === want) return false;
  const d = editDistance(got.toLowerCase(), want.toLowerCase());
  if (d <= (Math.min(got.length, want.length) >= 6 ? 2 : 1)) return true;
  let prefix = 0;
  while (prefix < got.length && prefix < want.length && got[prefix] === want[prefix]) prefix++;
  return d <= 3 && prefix >= 6;
}

/** The closest candidate by edit distance. */
export function closest(value: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(value, c);
    if (d < bestD) [best, bestD] = [c, d];
  }
  return best;
}

/** Character-level diff of what was sent against what is expected: "extra" chars were sent but are not expected, "missing" ones are expected but were not sent. */
export function charDiff(expected: string, actual: string): DiffOp[] {
  const n = expected.length;
  const m = actual.length;
  const d: number[][] = Array.from({ length: n + 1 }, (_, i) => Array.from({ length: m + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= n; i++)
    for (let j = 1; j <= m; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (expected[i - 1] === actual[j - 1] ? 0 : 1));
  const ops: DiffOp[] = [];
  const push = (op: DiffOp["op"], ch: string) => {
    const last = ops[0];
    if (last && last.op === op) last.text = ch + last.text;
    else ops.unshift({ op, text: ch });
  };
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && expected[i - 1] === actual[j - 1] && d[i]![j] === d[i - 1]![j - 1]) {
      push("same", expected[--i]!);
      j--;
    } else if (i > 0 && j > 0 && d[i]![j] === d[i - 1]![j - 1]! + 1) {
      // A substitution: show the expected char as missing and the sent one as extra.
      push("extra", actual[--j]!);
      push("missing", expected[--i]!);
    } else if (j > 0 && (i === 0 || d[i]![j] === d[i]![j - 1]! + 1)) push("extra", actual[--j]!);
    else push("missing", expected[--i]!);
  }
  return ops;
}
