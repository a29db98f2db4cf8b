/**
 * Gathers items and hands them over once per animation frame: a burst of streamed
 * exchanges becomes one cache update and one render, not one per event.
 */
export function frameBatcher<T>(flush: (batch: T[]) => void, options: { max?: number; schedule?: (run: () => void) => unknown } = {}) {
  const { max = Infinity, schedule = (run: () => void) => requestAnimationFrame(run) } = options;
  let queue: T[] = [];
  let scheduled = false;
  const run = () => {
    scheduled = false;
    const batch = queue;
    queue = [];
    if (batch.length) flush(batch);
  };
  return {
    push(item: T) {
      queue.push(item);
      // A hidden tab runs no frames: keep only what the list would keep anyway.
      if (queue.length > max) queue.splice(0, queue.length - max);
      if (!scheduled) {
        scheduled = true;
        schedule(run);
      }
    },
    /** Drops what is waiting (the stream closed). */
    clear() {
      queue = [];
    },
  };
}
