import type { Exchange } from "../src/core/exchange/exchange.ts";
import { fitExchange } from "./fit-exchange.ts";
import { TrafficBudget, type BudgetedLog } from "./traffic-budget.ts";

/** The newest exchanges kept for GET /traffic and the inspector, at most. */
export const TRAFFIC_CAPACITY = 500;
/** One log's kept exchanges together, serialised, at most. */
export const LOG_BYTES = 8 * 1024 * 1024;

/** Gets each exchange as the JSON text every reader is sent, and its size in UTF-8 bytes. */
type Listener = (json: string, bytes: number) => void;

interface Entry {
  json: string;
  bytes: number;
}

export interface TrafficLogOptions {
  capacity?: number;
  /** This log's own byte budget. */
  maxBytes?: number;
  /** The budget shared with the app's other logs. */
  budget?: TrafficBudget;
}

/**
 * The recorded exchanges, newest last, with live listeners. Kept within a count, its own
 * byte budget and a budget shared with other logs; the oldest go first. Each exchange is
 * kept as its JSON text (cut to fitExchange's size first), serialised once at the end of
 * the event-loop turn it was recorded in, or earlier if the log is read: the stream and
 * GET /traffic send that text as is.
 */
export class TrafficLog implements BudgetedLog {
  readonly capacity: number;
  readonly maxBytes: number;
  readonly budget: TrafficBudget;
  /** Kept entries from `head` on, oldest first; the slots before it are spent. */
  private entries: (Entry | undefined)[] = [];
  private head = 0;
  private keptBytes = 0;
  private readonly listeners = new Set<Listener>();
  /** Told when the log closes, one per listener that asked. */
  private readonly closers = new Map<Listener, () => void>();
  private closed = false;
  private nextId = 1;
  /** Recorded in this turn of the event loop, not serialised yet. */
  private pending: Exchange[] = [];

  constructor(options: TrafficLogOptions = {}) {
    this.capacity = options.capacity ?? TRAFFIC_CAPACITY;
    this.maxBytes = options.maxBytes ?? LOG_BYTES;
    this.budget = options.budget ?? new TrafficBudget();
  }

  get size(): number {
    return this.entries.length - this.head;
  }

  get bytes(): number {
    return this.keptBytes;
  }

  /** Takes the exchange (its id, and so its place, is assigned here); readers get it by the end of this turn. */
  add(exchange: Exchange): Exchange {
    exchange.id = this.nextId++;
    // A request still being answered when its workspace went: nobody can read it any more.
    if (this.closed) return exchange;
    if (this.pending.push(exchange) === 1) setImmediate(this.flush);
    return exchange;
  }

  /** Serialises what is pending, keeps it within the budgets and tells the listeners, in order. */
  private readonly flush = () => {
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    for (const exchange of batch) {
      const entry = fitExchange(exchange);
      if (this.capacity > 0) {
        this.entries.push(entry);
        this.keptBytes += entry.bytes;
        while (this.size > this.capacity || this.keptBytes > this.maxBytes) this.dropOldest();
        this.budget.charge(this, entry.bytes);
      }
      for (const listener of this.listeners) listener(entry.json, entry.bytes);
    }
  };

  dropOldest(): void {
    const entry = this.entries[this.head];
    if (!entry) return;
    this.entries[this.head++] = undefined;
    this.keptBytes -= entry.bytes;
    this.budget.charge(this, -entry.bytes);
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }

  /** How many exchanges are kept, those recorded in this turn included. */
  count(): number {
    this.flush();
    return this.size;
  }

  /** The kept exchanges' JSON texts, oldest first. */
  texts(): string[] {
    this.flush();
    this.budget.touch(this);
    return (this.entries.slice(this.head) as Entry[]).map((e) => e.json);
  }

  /** The kept exchanges as one JSON array, oldest first. */
  json(): string {
    return `[${this.texts().join(",")}]`;
  }

  list(): Exchange[] {
    return JSON.parse(this.json()) as Exchange[];
  }

  clear(): void {
    this.pending = [];
    this.budget.charge(this, -this.keptBytes);
    this.entries = [];
    this.head = 0;
    this.keptBytes = 0;
  }

  /** Every exchange is let go and leaves the shared budget; listeners are told, and nothing is kept from now on. */
  close(): void {
    this.clear();
    this.closed = true;
    this.budget.forget(this);
    const closers = [...this.closers.values()];
    this.listeners.clear();
    this.closers.clear();
    for (const closed of closers) closed();
  }

  /** How many readers follow the log live (each open traffic stream is one). */
  get listenerCount(): number {
    return this.listeners.size;
  }

  /** Follows the log live; `onClose` is called if the log closes while followed. */
  subscribe(listener: Listener, onClose?: () => void): () => void {
    if (this.closed) {
      onClose?.();
      return () => {};
    }
    this.listeners.add(listener);
    if (onClose) this.closers.set(listener, onClose);
    this.budget.touch(this);
    return () => {
      this.listeners.delete(listener);
      this.closers.delete(listener);
    };
  }
}
