/**
 * Runs `callback` once the I/O started by the current task has been handed to the runtime.
 * Node's HTTP client writes a request on a later tick than the call that made it, so work that
 * does not have to precede the write (the books of the previous request) goes after it and overlaps
 * with the collector's work instead of delaying the next request. `setImmediate` where the runtime
 * has it (Node, Bun); elsewhere a microtask, which is as soon as possible.
 */
export const afterPendingIo: (callback: () => void) => void =
  typeof setImmediate === 'function'
    ? (callback) => {
        setImmediate(callback);
      }
    : (callback) => queueMicrotask(callback);
