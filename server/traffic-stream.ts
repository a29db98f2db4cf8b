import type { Context } from "hono";
import { streamSSE, type SSEStreamingApi } from "hono/streaming";
import type { TrafficLog } from "./traffic-log.ts";

export interface StreamTiming {
  /** How long exchanges may gather before a write (ms): invisible to a person, a big saving under load. */
  coalesceMs: number;
  /** A write goes out once this many bytes have gathered, whatever the time; also the most one write carries. */
  batchBytes: number;
  /** A `ping` after this long without anything sent, so proxies and browsers keep the stream open. */
  pingMs: number;
  /** What may wait for one client that is behind, in bytes; past it the oldest waiting exchanges are dropped. */
  backlogBytes: number;
}

export const STREAM_TIMING: StreamTiming = { coalesceMs: 15, batchBytes: 16 * 1024, pingMs: 15_000, backlogBytes: 256 * 1024 };

const frame = (event: string, data: string) => `event: ${event}\ndata: ${data}\n\n`;

/**
 * What waits to be written to one client, bounded in bytes: a client that stops reading
 * loses the oldest waiting exchanges (and is told how many) instead of holding memory or
 * making the server write for it. Only this queue grows per exchange; writes happen in
 * the client's own loop, one batch at a time.
 */
class Backlog {
  private frames: string[] = [];
  private sizes: number[] = [];
  private bytes = 0;
  private dropped = 0;
  private wake: (() => void) | undefined;

  constructor(private readonly limit: number) {}

  get length(): number {
    return this.frames.length;
  }

  get queuedBytes(): number {
    return this.bytes;
  }

  push(json: string, bytes: number): void {
    const text = frame("exchange", json);
    const size = bytes + text.length - json.length;
    this.frames.push(text);
    this.sizes.push(size);
    this.bytes += size;
    while (this.bytes > this.limit && this.frames.length > 1) {
      this.frames.shift();
      this.bytes -= this.sizes.shift()!;
      this.dropped++;
    }
    this.wakeUp();
  }

  /** Resolves when something is queued, the backlog is closed, or after `ms`. */
  waitFor(ms: number): Promise<void> {
    if (this.frames.length > 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wakeUp(), ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  wakeUp(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  /** The oldest frames up to about `maxBytes`, at least one, with a `dropped` event first if any were lost. */
  take(maxBytes: number): string {
    let text = this.dropped > 0 ? frame("dropped", JSON.stringify({ count: this.dropped })) : "";
    this.dropped = 0;
    let count = 0;
    let size = 0;
    while (count < this.frames.length && (count === 0 || size + this.sizes[count]! <= maxBytes)) {
      text += this.frames[count];
      size += this.sizes[count++]!;
    }
    this.frames.splice(0, count);
    this.sizes.splice(0, count);
    this.bytes -= size;
    return text;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** What all streams together may write in one turn of the event loop. */
const TURN_BYTES = 512 * 1024;
let writtenThisTurn = 0;
let turnEnds = false;

/**
 * Waits until `bytes` more fit in this turn's writes. Each follower writes in its own
 * loop, but a burst reaches every follower at once: without a share per turn, hundreds
 * of them (readers or not) would each write their batch before health is answered.
 */
async function writeSlot(bytes: number): Promise<void> {
  while (writtenThisTurn > 0 && writtenThisTurn + bytes > TURN_BYTES) await nextTurn();
  writtenThisTurn += bytes;
  if (!turnEnds) {
    turnEnds = true;
    setImmediate(() => {
      writtenThisTurn = 0;
      turnEnds = false;
    });
  }
}

/**
 * Follows the log into one SSE client: `ready`, then every exchange (JSON has no raw
 * newline, so each is one data line), `ping` when idle, `dropped` with a count when the
 * client fell so far behind that exchanges waiting for it were let go. It ends when the log closes.
 */
async function follow(stream: SSEStreamingApi, log: TrafficLog, timing: StreamTiming): Promise<void> {
  const backlog = new Backlog(timing.backlogBytes);
  let open = true;
  const stop = () => {
    open = false;
    backlog.wakeUp();
  };
  // The log closes when its workspace is deleted or dropped: the stream ends, and a client that reconnects is told it is gone.
  const unsubscribe = log.subscribe((json, bytes) => backlog.push(json, bytes), stop);
  stream.onAbort(() => {
    stop();
    unsubscribe();
  });
  try {
    await stream.write(frame("ready", "{}"));
    while (open) {
      await backlog.waitFor(timing.pingMs);
      if (!open) break;
      if (backlog.length === 0) {
        await stream.write(frame("ping", "{}"));
        continue;
      }
      // Let a few more gather, unless a batch is already full.
      if (backlog.queuedBytes < timing.batchBytes) await sleep(timing.coalesceMs);
      if (!open) continue;
      const batch = backlog.take(timing.batchBytes);
      await writeSlot(batch.length);
      await stream.write(batch);
    }
  } finally {
    unsubscribe();
  }
}

const SSE_HEADERS = { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" };

/** GET /traffic/stream, through Hono's streamSSE: the adapter writes each batch as the client takes it. */
export function streamTraffic(c: Context, log: TrafficLog, timing: StreamTiming = STREAM_TIMING): Response {
  // HEAD (Hono routes it to GET) gets the headers only, not an endless answer nobody will read.
  if (c.req.method === "HEAD") return new Response(null, { status: 200, headers: SSE_HEADERS });
  return streamSSE(c, (stream) => follow(stream, log, timing));
}
