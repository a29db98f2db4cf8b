/** All recorded traffic together (every log of one app: the default workspace's and the others'). */
export const TRAFFIC_BYTES = 64 * 1024 * 1024;

/** What the budget asks of a log: how much it holds, and to give up its oldest exchange. */
export interface BudgetedLog {
  readonly bytes: number;
  dropOldest(): void;
}

/**
 * One byte budget shared by many traffic logs. When the total passes it, the least
 * recently used log gives up its oldest exchanges first, then the next one, so a busy
 * workspace can't push out what an idle one recorded without first using up its own share.
 */
export class TrafficBudget {
  /** Logs in the order they were last used, least recent first. */
  private readonly logs = new Set<BudgetedLog>();
  private used = 0;

  constructor(readonly limit = TRAFFIC_BYTES) {}

  get bytes(): number {
    return this.used;
  }

  /** The log was read or written: it goes last in line to give bytes up. */
  touch(log: BudgetedLog): void {
    this.logs.delete(log);
    this.logs.add(log);
  }

  /** `log` now holds `bytes` more (or fewer, when negative); past the limit, the least recently used give up exchanges. */
  charge(log: BudgetedLog, bytes: number): void {
    this.used += bytes;
    if (bytes > 0) this.touch(log);
    if (this.used <= this.limit) return;
    for (const victim of this.logs) {
      while (this.used > this.limit && victim.bytes > 0) victim.dropOldest();
      if (this.used <= this.limit) return;
    }
  }

  /** The log is gone (its workspace deleted): its bytes are freed and it is never asked again. */
  forget(log: BudgetedLog): void {
    this.used -= log.bytes;
    this.logs.delete(log);
  }
}
