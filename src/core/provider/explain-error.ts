import type { ErrorExplanation } from "./contract.ts";

/** The first explanation whose status and fields all match the response. */
export function explainError(explanations: ErrorExplanation[], status: number, body: unknown): ErrorExplanation | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const fields = body as Record<string, unknown>;
  return explanations.find((e) => {
    if (e.match.status !== undefined && e.match.status !== status) return false;
    return Object.entries(e.match.fields).every(([name, want]) => {
      const got = fields[name];
      if (got === undefined || got === null || typeof got === "object") return false;
      return typeof want === "string" ? String(got) === want : want.test(String(got));
    });
  });
}
