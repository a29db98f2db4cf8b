import type { ExpiringStore } from "./expiring-store.ts";

/** The part of a token store a family needs to revoke from it. */
interface Revocable {
  delete(key: string): void;
}

/**
 * Every token one authorization code gave rise to, by its exchange and by every refresh since.
 * A replayed code revokes them as one (RFC 6749 §4.1.2: "all tokens previously issued based on
 * that authorization code"). Tokens a refresh replaced are retired, so a family holds only what
 * can still be used, however often it is refreshed.
 */
export class TokenFamily {
  private readonly members = new Map<Revocable, Set<string>>();

  /** Stores a token and counts it in the family. */
  issue<V>(store: ExpiringStore<V>, key: string, value: V, expiresAt: number | null): void {
    store.set(key, value, expiresAt);
    const keys = this.members.get(store);
    if (keys) keys.add(key);
    else this.members.set(store, new Set([key]));
  }

  /** Deletes a token the family no longer needs (an access token a refresh replaced). */
  retire(store: Revocable, key: string): void {
    store.delete(key);
    this.members.get(store)?.delete(key);
  }

  revoke(): void {
    for (const [store, keys] of this.members) for (const key of keys) store.delete(key);
    this.members.clear();
  }
}

/** A code as its store keeps it: what it grants, whether it was redeemed, and what it issued. */
export interface CodeRecord<G> {
  grant: G;
  consumed: boolean;
  family: TokenFamily;
}

export type CodeStore<G> = ExpiringStore<CodeRecord<G>>;

export type Redemption<G> = { ok: true; grant: G; family: TokenFamily } | { ok: false; reason: "unknown" | "expired" | "replayed" };

/** Stores a fresh, not yet redeemed code. */
export function issueCode<G>(codes: CodeStore<G>, code: string, grant: G, expiresAt: number): void {
  codes.set(code, { grant, consumed: false, family: new TokenFamily() }, expiresAt);
}

/**
 * Redeems a single-use code. The first redemption consumes it, whatever the caller then finds
 * wrong with the request. Any later one is refused and revokes the code's whole token family, for
 * as long as the store remembers the code (past its expiry too: a late replay is still a leak).
 */
export function redeemCodeOnce<G>(codes: CodeStore<G>, code: string): Redemption<G> {
  const found = codes.lookup(code);
  if (!found) return { ok: false, reason: "unknown" };
  const record = found.value;
  if (record.consumed) {
    record.family.revoke();
    return { ok: false, reason: "replayed" };
  }
  if (found.expired) return { ok: false, reason: "expired" };
  record.consumed = true;
  return { ok: true, grant: record.grant, family: record.family };
}
