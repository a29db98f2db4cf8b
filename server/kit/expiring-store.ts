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
  /**
   * A live iterator over the keys, oldest first, kept between evictions: a fresh
   * `keys().next()` would step over every slot deleted since the map last compacted,
   * which made each write at capacity cost tens of microseconds.
   */
  private oldest: Iterator<string> | undefined;
  /** Writes between sweeps: a sweep walks the whole map, so it is spread thin on big stores. */
  private readonly sweepEvery: number;

  constructor(
    private readonly clock: Clock,
    private readonly capacity = 10_000,
  ) {
    this.sweepEvery = Math.max(256, capacity >> 3);
  }

  /** expiresAt is in Unix seconds (virtual); null never expires. */
  set(key: string, value: V, expiresAt: number | null): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAtMs: expiresAt === null ? null : expiresAt * 1000 });
    if (++this.writes % this.sweepEvery === 0) this.sweep(EXPIRED_KEPT_SECONDS);
    while (this.entries.size > this.capacity) {
      if (!this.evictOldest()) break;
    }
  }

  /** Deletes the oldest entry. Every key before the iterator's position has been evicted
   * already, and a key set again moves to the end, so the next key is the oldest alive. */
  private evictOldest(): boolean {
    for (let attempt = 0; attempt < 2; attempt++) {
      this.oldest ??= this.entries.keys();
      const next = this.oldest.next();
      if (!next.done) {
        this.entries.delete(next.value);
        return true;
      }
      this.oldest = undefined;
    }
    return false;
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
    // forEach, not for…of with destructuring: no pair array per entry on a walk of the whole map.
    this.entries.forEach((entry, key) => {
      if (entry.expiresAtMs !== null && entry.expiresAtMs <= limit) this.entries.delete(key);
    });
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
    this.oldest = undefined;
  }
}
