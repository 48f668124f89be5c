/**
 * Runs one storage call (`document.cookie`, `localStorage`), answering `undefined` instead of
 * throwing. Sandboxed frames and some privacy modes throw on any access, and a full
 * `localStorage` throws `QuotaExceededError`; the tracker then keeps what it needs in memory for
 * the page rather than failing a `track` call.
 */
export function tryStorage<T>(call: () => T): T | undefined {
  try {
    return call();
  } catch {
    return undefined;
  }
}
