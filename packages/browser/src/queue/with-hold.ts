import type { EventStore } from '@floe/core';

/**
 * Decorates a store so that nothing is handed out for sending while `held()` is true: while the
 * browser is offline, or while consent is pending. Events still queue (and persist); the emitter
 * just finds nothing to send, so no attempt fails, no backoff grows and nothing is dropped. The
 * tracker flushes when the hold ends (`online`, `setConsent('granted')`).
 */
export function withHold(store: EventStore, held: () => boolean): EventStore {
  return {
    durable: store.durable,
    get size() {
      return store.size;
    },
    get byteSize() {
      return store.byteSize;
    },
    add: (event) => store.add(event),
    take: (limit, maxBytes) => (held() ? [] : store.take(limit, maxBytes)),
    ack: (eids) => store.ack(eids),
    release: (eids) => store.release(eids),
    close: () => store.close?.(),
  };
}
