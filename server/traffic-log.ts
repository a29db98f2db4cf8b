import type { Exchange } from "../src/core/exchange/exchange.ts";

/** Ring buffer size: the newest exchanges kept for GET /traffic and the inspector. */
export const TRAFFIC_CAPACITY = 500;

/** Gets each exchange as the JSON text every reader is sent. */
type Listener = (json: string) => void;

/**
 * The recorded exchanges, newest last, capped as a ring buffer, with live listeners.
 *
 * Each exchange is kept as its JSON text, serialised once when recorded: the stream and
 * GET /traffic send that text as is, and under load one string per exchange is far
 * cheaper for the garbage collector to keep than the object graph it came from.
 */
export class TrafficLog {
  private readonly ring: string[] = [];
  private readonly listeners = new Set<Listener>();
  private nextId = 1;
  /** Index of the oldest entry once the ring is full (it is overwritten next). */
  private head = 0;

  constructor(readonly capacity = TRAFFIC_CAPACITY) {}

  /** Stores the exchange (its id is assigned here) and tells the listeners. */
  add(exchange: Exchange): Exchange {
    exchange.id = this.nextId++;
    const json = JSON.stringify(exchange);
    if (this.ring.length < this.capacity) this.ring.push(json);
    else if (this.capacity > 0) {
      this.ring[this.head] = json;
      this.head = (this.head + 1) % this.capacity;
    }
    for (const listener of this.listeners) listener(json);
    return exchange;
  }

  /** The kept exchanges as one JSON array, oldest first. */
  json(): string {
    const ordered = this.head === 0 ? this.ring : [...this.ring.slice(this.head), ...this.ring.slice(0, this.head)];
    return `[${ordered.join(",")}]`;
  }

  list(): Exchange[] {
    return JSON.parse(this.json()) as Exchange[];
  }

  clear(): void {
    this.ring.length = 0;
    this.head = 0;
  }

  /** How many readers follow the log live (each open traffic stream is one). */
  get listenerCount(): number {
    return this.listeners.size;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
