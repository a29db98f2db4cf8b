/** The virtual clock every expiry, rate limit and grace period reads. */
export interface Clock {
  /** Virtual time in milliseconds since the epoch. */
  nowMs(): number;
  /** Virtual time in whole Unix seconds. */
  now(): number;
  offsetSeconds(): number;
  advance(seconds: number): void;
  reset(): void;
}

export function createClock(realNowMs: () => number = Date.now): Clock {
  let offsetMs = 0;
  const nowMs = () => realNowMs() + offsetMs;
  return {
    nowMs,
    now: () => Math.floor(nowMs() / 1000),
    offsetSeconds: () => Math.round(offsetMs / 1000),
    advance(seconds) {
      offsetMs += seconds * 1000;
    },
    reset() {
      offsetMs = 0;
    },
  };
}
