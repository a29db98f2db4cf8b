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

  add(exchange: Omit<Exchange, "id">): Exchange {
    const full = { ...exchange, id: this.nextId++ };
    this.ring.push(full);
    if (this.ring.length > this.capacity) this.ring.splice(0, this.ring.length - this.capacity);
    for (const listener of this.listeners) listener(full);
    return full;
  }

  list(): Exchange[] {
    return [...this.ring];
  }

  clear(): void {
    this.ring.length = 0;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}
