import { headerValue, type Exchange, type RawResponse } from "../exchange/exchange.ts";
import { parseJsonOrJsonp } from "../exchange/jsonp.ts";
import type { ErrorExplanation, ProviderContract } from "./contract.ts";
import { explainError } from "./explain-error.ts";

/** Why an answer is a failure: its HTTP status, the provider's error envelope in the body, or an OAuth error sent back in a redirect. */
export interface Failure {
  reason: "status" | "envelope" | "redirect";
  /** The body's JSON (JSONP unwrapped), if any. */
  body: unknown;
  explanation: ErrorExplanation | undefined;
}

type Judge = Pick<ProviderContract, "schemas" | "errors">;

function redirectsWithError(response: RawResponse): boolean {
  const location = headerValue(response.headers, "location");
  if (!location || response.status < 300 || response.status >= 400) return false;
  const [beforeHash = "", hash = ""] = location.split("#", 2);
  const query = beforeHash.includes("?") ? beforeHash.slice(beforeHash.indexOf("?") + 1) : "";
  return new URLSearchParams(query).has("error") || new URLSearchParams(hash).has("error");
}

/**
 * Whether an answer failed, judged by the provider's own envelope as well as the status:
 * a JSONP error travels with HTTP 200 (a <script> ignores other statuses), and so do the
 * open platform's "4102" answers.
 */
export function failureOf(contract: Judge, response: RawResponse): Failure | undefined {
  const body = parseJsonOrJsonp(response.body);
  const envelope = body !== undefined && contract.schemas.errors.some((schema) => schema.safeParse(body).success);
  const reason = response.status >= 400 ? "status" : envelope ? "envelope" : redirectsWithError(response) ? "redirect" : undefined;
  if (!reason) return undefined;
  return { reason, body, explanation: explainError(contract.errors, response.status, body) };
}

/** The exchange a support person cares about: the last one that failed (the traffic panel highlights it too). */
export function failingExchange(flow: { contract: Judge }, exchanges: readonly Exchange[]): Exchange | undefined {
  for (let i = exchanges.length - 1; i >= 0; i--) if (failureOf(flow.contract, exchanges[i]!.response)) return exchanges[i];
  return undefined;
}

/**
 * Whether each exchange failed, for the traffic rows: one provider's exchanges by its envelope,
 * any other by its status. Remembered per exchange, so a burst of new rows parses only their bodies.
 */
export function failedJudge(contract: Judge, providerId: string): (e: Exchange) => boolean {
  const seen = new WeakMap<Exchange, boolean>();
  return (e) => {
    let failed = seen.get(e);
    if (failed === undefined) {
      failed = e.provider === providerId ? failureOf(contract, e.response) !== undefined : e.response.status >= 400;
      seen.set(e, failed);
    }
    return failed;
  };
}
