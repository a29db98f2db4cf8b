import type { Exchange } from "./exchange.ts";

/** How many exchanges the panel keeps, like the server's log. */
export const TRAFFIC_KEEP = 500;

/**
 * The list with a batch of streamed exchanges appended, newest last. Immutable with
 * structural sharing: the exchanges already there stay the same objects (so memoised rows
 * skip their render), and the list itself is unchanged when the batch brings nothing new.
 */
export function appendExchanges(list: readonly Exchange[] | undefined, batch: readonly Exchange[], keep = TRAFFIC_KEEP): Exchange[] {
  const current = (list ?? []) as Exchange[];
  if (batch.length === 0) return current;
  // Ids only grow within one log; a repeat (after a reconnect's refetch) is dropped.
  const known = new Set<number>();
  for (const e of current) known.add(e.id);
  const fresh: Exchange[] = [];
  for (const e of batch) {
    if (known.has(e.id)) continue;
    known.add(e.id);
    fresh.push(e);
  }
  if (fresh.length === 0) return current;
  const next = current.concat(fresh);
  return next.length > keep ? next.slice(next.length - keep) : next;
}

/**
 * TanStack Query's structural sharing for the traffic: an exchange never changes once
 * recorded, so one with a known id keeps its object (a refetch re-renders no row), and
 * nothing is compared deeply (its default would compare every exchange when the list shifts).
 */
export function shareById(previous: unknown, next: unknown): unknown {
  if (!Array.isArray(previous) || !Array.isArray(next) || previous === next) return next;
  const byId = new Map<number, Exchange>();
  for (const e of previous as Exchange[]) byId.set(e.id, e);
  let changed = previous.length !== next.length;
  const shared = (next as Exchange[]).map((e, i) => {
    const old = byId.get(e.id);
    // A restarted server counts from 1 again: the same id is the same exchange only at the same time.
    const kept = old && old.startedAt === e.startedAt ? old : e;
    if (kept !== previous[i]) changed = true;
    return kept;
  });
  return changed ? shared : previous;
}
