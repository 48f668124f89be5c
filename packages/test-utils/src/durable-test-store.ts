import { createMemoryStore, type EventStore } from '@floe/core';

/** The caps `createMemoryStore` takes. */
type MemoryStoreOptions = NonNullable<Parameters<typeof createMemoryStore>[0]>;

/** A memory store that says it is durable, and records what the emitter does with it. */
export interface DurableTestStore extends EventStore {
  /** Eids handed back with `release`, per call. */
  readonly released: readonly (readonly string[])[];
  readonly closed: boolean;
}

/**
 * A stand-in for an on-disk queue in core's tests: the memory store's behaviour with
 * `durable: true`, so the emitter applies the durable rules (give up by age, `max_age`; keep what
 * is left at shutdown instead of reporting `shutdown_timeout`).
 *
 * @param options - the memory store caps.
 */
export function createDurableTestStore(options: MemoryStoreOptions = {}): DurableTestStore {
  const inner = createMemoryStore(options);
  const released: string[][] = [];
  let closed = false;
  return {
    durable: true,
    get size() {
      return inner.size;
    },
    get byteSize() {
      return inner.byteSize;
    },
    add: (event) => inner.add(event),
    take: (limit, maxBytes) => inner.take(limit, maxBytes),
    ack: (eids) => inner.ack(eids),
    release(eids) {
      released.push([...eids]);
      inner.release(eids);
    },
    close() {
      closed = true;
    },
    get released() {
      return released;
    },
    get closed() {
      return closed;
    },
  };
}
