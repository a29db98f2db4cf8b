import type { Clock } from "./clock.ts";

/** How long an expired entry is kept to tell "expired" from "unknown". */
const EXPIRED_KEPT_SECONDS = 3600;

interface Entry<V> {
  value: V;
  expiresAtMs: number | null;
}

/**
 * A keyed store whose entries die on the virtual clock and whose size is
 * capped (oldest first out), so hours of use keep memory flat.
 */
export class ExpiringStore<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private writes = 0;

  constructor(
    private readonly clock: Clock,
    private readonly capacity = 10_000,
  ) {}

  /** expiresAt is in Unix seconds (virtual); null never expires. */
  set(key: string, value: V, expiresAt: number | null): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAtMs: expiresAt === null ? null : expiresAt * 1000 });
    if (++this.writes % 256 === 0) this.sweep(EXPIRED_KEPT_SECONDS);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Expired entries stay until swept, so callers can still say "expired" rather than "unknown".
    if (entry.expiresAtMs !== null && entry.expiresAtMs <= this.clock.nowMs()) return undefined;
    return entry.value;
  }

  /** Like get, but also tells whether the key existed and only expired. */
  lookup(key: string): { value: V; expired: false } | { value: V; expired: true } | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const expired = entry.expiresAtMs !== null && entry.expiresAtMs <= this.clock.nowMs();
    return expired ? { value: entry.value, expired: true } : { value: entry.value, expired: false };
  }

  expiresAt(key: string): number | null | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    return entry.expiresAtMs === null ? null : Math.floor(entry.expiresAtMs / 1000);
  }

  setExpiry(key: string, expiresAt: number | null): void {
    const entry = this.entries.get(key);
    if (entry) entry.expiresAtMs = expiresAt === null ? null : expiresAt * 1000;
  }

  /** Removes and returns a live entry: single-use values (codes) go through here. */
  take(key: string): V | undefined {
    const value = this.get(key);
    if (value !== undefined) this.entries.delete(key);
    return value;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Drops entries that expired more than `graceSeconds` ago. */
  sweep(graceSeconds = 0): void {
    const limit = this.clock.nowMs() - graceSeconds * 1000;
    for (const [key, entry] of this.entries) {
      if (entry.expiresAtMs !== null && entry.expiresAtMs <= limit) this.entries.delete(key);
    }
  }

  *live(): IterableIterator<[string, V]> {
    const now = this.clock.nowMs();
    for (const [key, entry] of this.entries) {
      if (entry.expiresAtMs === null || entry.expiresAtMs > now) yield [key, entry.value];
    }
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}
