import type { ErrorExplanation } from "./contract.ts";

/**
 * The first explanation whose fields (and status, where both are known) match the answer.
 * `status` is undefined for a bare pasted body: then an explanation's status is not asked.
 */
export function explainError(explanations: readonly ErrorExplanation[], status: number | undefined, body: unknown): ErrorExplanation | undefined {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return undefined;
  const fields = body as Record<string, unknown>;
  return explanations.find((e) => {
    if (status !== undefined && e.match.status !== undefined && e.match.status !== status) return false;
    return Object.entries(e.match.fields).every(([name, want]) => {
      const got = Object.hasOwn(fields, name) ? fields[name] : undefined;
      if (got === undefined || got === null || typeof got === "object") return false;
      return typeof want === "string" ? String(got) === want : want.test(String(got));
    });
  });
}
