import type { Exchange } from "../src/core/exchange/exchange.ts";

/** Ring buffer size: the newest exchanges kept for GET /traffic and the inspector. */
export const TRAFFIC_CAPACITY = 500;

type Listener = (exchange: Exchange) => void;

/** The recorded exchanges, newest last, capped as a ring buffer, with live listeners. */
export class TrafficLog {
  private readonly ring: Exchange[] = [];
  private readonly listeners = new Set<Listener>();
  private nextId = 1;

  constructor(readonly capacity = TRAFFIC_CAPACITY) {}

  /** Index of the oldest entry once the ring is full (it is overwritten next). */
  private head = 0;

  add(exchange: Omit<Exchange, "id">): Exchange {
    const full = { ...exchange, id: this.nextId++ };
    if (this.ring.length < this.capacity) this.ring.push(full);
    else if (this.capacity > 0) {
      this.ring[this.head] = full;
      this.head = (this.head + 1) % this.capacity;
    }
    for (const listener of this.listeners) listener(full);
    return full;
  }

  list(): Exchange[] {
    return this.head === 0 ? [...this.ring] : [...this.ring.slice(this.head), ...this.ring.slice(0, this.head)];
  }

  clear(): void {
    this.ring.length = 0;
    this.head = 0;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
