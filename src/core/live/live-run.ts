import type { ProviderContract } from "../provider/contract.ts";
import type { LiveRun, SentExchange, Target } from "../wizard/types.ts";
import { askedFor, differencesFromDocument, gotBack, type Difference } from "./differences.ts";

type Judge = Pick<ProviderContract, "answers" | "schemas">;

/** What a run against a real server brought back, checked against the document: every exchange of the run, in order. */
export function liveRunOfExchanges(contract: Judge, target: Target & { real: string }, exchanges: readonly SentExchange[]): LiveRun {
  const found = exchanges.map((e) => differencesFromDocument(contract, askedFor(e.request, target.serverBase), gotBack(e.response)));
  return withDifferences(target.real, found);
}

/** The same for a JSONP call, which went straight to the real server: its payload is the answer (no status a page can see). */
export function liveRunOfPayload(contract: Judge, target: Target & { real: string }, url: string, payload: unknown): LiveRun {
  const asked = askedFor({ method: "GET", url, headers: [], body: "" }, target.browserBase);
  return withDifferences(target.real, [differencesFromDocument(contract, asked, { json: payload })]);
}

function withDifferences(base: string, found: Array<Difference[] | undefined>): LiveRun {
  const checked = found.filter((d): d is Difference[] => d !== undefined);
  return checked.length ? { base, differences: checked.flat() } : { base };
}

export const isLive = (target: Target): target is Target & { real: string } => target.real !== undefined;
