import type { EventStore, QueuedPayload } from '@floe/core';
import { tryStorage } from '../storage/try-storage';

/** Options of {@link createLocalStorageStore}. */
export interface LocalStorageStoreOptions {
  /** Key prefix; stores with the same prefix share one queue across tabs. */
  readonly prefix: string;
  /** Events kept at most; the oldest are evicted and reported as `queue_full`. Default 1,000. */
  readonly maxEvents?: number | undefined;
  /** Bytes (UTF-8, summed over the events' JSON) kept at most. Default 1,000,000. */
  readonly maxBytes?: number | undefined;
  /**
   * While this answers true (offline, consent pending), events still queue and persist, but none
   * is handed out for sending: no attempt fails, no backoff grows, nothing is dropped.
   */
  readonly held: () => boolean;
  /**
   * Receives, oldest first, the JSON texts of events left behind by a closed, reloaded or crashed
   * tab, once this tab has taken them over (their keys are gone by then). The tracker hands them to
   * its emitter again, so they are counted, capped and flushed like its own.
   */
  readonly onOrphans: (texts: string[]) => void;
}

/** An `EventStore` over `localStorage`, with the page-lifecycle hooks the tracker calls. */
export interface LocalStorageStore extends EventStore {
  /**
   * Gives this tab's claim up at once (on `pagehide`), so the next page takes its unsent events
   * over without waiting for the claim to expire.
   */
  releaseClaim(): void;
  /** Claims this tab's events again after the page came back from the back/forward cache. */
  renewClaim(): void;
  /** Forgets every queued event of this tab, in memory and in storage. */
  clear(): void;
}

/** How long a tab's claim lasts without renewal; renewed three times per period. */
const CLAIM_TTL_MS = 10_000;

interface Entry {
  /** The storage key, or `undefined` when `localStorage` refused the write: then memory only. */
  readonly key: string | undefined;
  readonly event: QueuedPayload;
  /** Handed to the emitter and not yet acknowledged or released. */
  taken: boolean;
}

/**
 * An `EventStore` whose events survive a reload or a tab crash.
 *
 * Each event is one key, `<prefix><tab>.<n>` holding its JSON text, written when it is added (so
 * `add` is synchronous, decision 12) and removed when it is acknowledged. Every tab claims its own
 * events with a heartbeat key `<prefix><tab>` holding an expiry time; only the owner sends them,
 * so two tabs never send the same event. When a claim is gone (the page was closed or reloaded)
 * or expired (the tab crashed), a live tab takes the events over under a Web Lock (so two live
 * tabs never both do) and passes them to `onOrphans`. An event is sent twice only when its first
 * attempt was ambiguous: the page went away before the answer came.
 */
export function createLocalStorageStore(options: LocalStorageStoreOptions): LocalStorageStore {
  const { prefix, maxEvents = 1000, maxBytes = 1_000_000 } = options;
  const tab = Math.random().toString(16).slice(2, 10).padEnd(8, '0');
  const entries: Entry[] = [];
  let bytes = 0;
  let counter = 0;
  let claimed = true;

  const remove = (index: number): QueuedPayload => {
    const [{ key, event }] = entries.splice(index, 1) as [Entry];
    bytes -= event.bytes;
    if (key) tryStorage(() => localStorage.removeItem(key));
    return event;
  };

  const adoptOrphans = () => {
    const now = Date.now();
    const alive = (owner: string) =>
      owner === tab || Number(localStorage.getItem(prefix + owner)) > now;
    const keys = Object.keys(localStorage).filter(
      (key) => key.startsWith(prefix) && !alive(key.slice(prefix.length, prefix.length + 8)),
    );
    // `<tab>.<n>` in numeric order: a dead tab's events in the order it queued them.
    keys.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    const texts: string[] = [];
    for (const key of keys) {
      // Heartbeat keys (no `.<n>`) of dead tabs are only removed.
      if (key.length > prefix.length + 8) texts.push(localStorage.getItem(key)!);
    }
    if (texts.length > 0) options.onOrphans(texts);
    // Removed only after `onOrphans` stored them under this tab's keys: a crash in between loses nothing.
    for (const key of keys) localStorage.removeItem(key);
  };

  const claim = () => {
    if (claimed)
      tryStorage(() => localStorage.setItem(prefix + tab, String(Date.now() + CLAIM_TTL_MS)));
  };
  const heartbeat = () => {
    claim();
    const locks = navigator.locks;
    if (!locks) tryStorage(adoptOrphans);
    else {
      locks
        .request(prefix, { ifAvailable: true }, (lock) => lock && tryStorage(adoptOrphans))
        .catch(() => undefined);
    }
  };
  claim();
  // Adoption waits a task: `onOrphans` hands the events to an emitter created after this store.
  setTimeout(heartbeat);
  const timer = setInterval(heartbeat, CLAIM_TTL_MS / 3);

  return {
    durable: true,
    get size() {
      return entries.length;
    },
    get byteSize() {
      return bytes;
    },
    add(event) {
      const key = `${prefix}${tab}.${counter++}`;
      const saved = tryStorage(() => {
        localStorage.setItem(key, event.json);
        return key;
      });
      entries.push({ key: saved, event, taken: false });
      bytes += event.bytes;
      const evicted: QueuedPayload[] = [];
      for (let i = 0; (entries.length > maxEvents || bytes > maxBytes) && i < entries.length; ) {
        // Events in flight are not evicted: their answer decides their fate.
        if (entries[i]!.taken) i++;
        else evicted.push(remove(i));
      }
      return evicted;
    },
    take(limit, maxTakeBytes = Number.POSITIVE_INFINITY) {
      const taken: QueuedPayload[] = [];
      let sum = 0;
      for (let i = 0; !options.held() && i < entries.length && taken.length < limit; i++) {
        const entry = entries[i]!;
        if (entry.taken) continue;
        const { key, event } = entry;
        if (key && tryStorage(() => localStorage.getItem(key)) === null) {
          // Another tab took it over while this page was frozen in the back/forward cache.
          remove(i--);
          continue;
        }
        if (taken.length > 0 && sum + event.bytes > maxTakeBytes) break;
        entry.taken = true;
        sum += event.bytes;
        taken.push(event);
      }
      return taken;
    },
    ack(eids) {
      const done = new Set(eids);
      for (let i = entries.length - 1; i >= 0; i--) if (done.has(entries[i]!.event.eid)) remove(i);
    },
    release(eids) {
      const back = new Set(eids);
      for (const entry of entries) if (back.has(entry.event.eid)) entry.taken = false;
    },
    releaseClaim() {
      claimed = false;
      tryStorage(() => localStorage.removeItem(prefix + tab));
    },
    renewClaim() {
      claimed = true;
      heartbeat();
    },
    clear() {
      while (entries.length > 0) remove(0);
    },
    close() {
      clearInterval(timer);
      this.releaseClaim();
    },
  };
}
