/**
 * Runs `callback` once the I/O started by the current task has been handed to the runtime.
 * Node's HTTP client writes a request on a later tick than the call that made it, so work that
 * does not have to precede the write (the books of the previous request) goes after it and overlaps
 * with the collector's work instead of delaying the next request. `setImmediate` where the runtime
 * has it (Node, Bun); elsewhere a microtask, which is as soon as possible.
 */
export const afterPendingIo: (callback: () => void) => void = pickScheduler();

function pickScheduler(): (callback: () => void) => void {
  // Read off globalThis: core compiles without Node's types, and browsers have no setImmediate.
  const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown })
    .setImmediate;
  if (typeof immediate !== 'function') return (callback) => queueMicrotask(callback);
  return (callback) => {
    immediate(callback);
  };
}
