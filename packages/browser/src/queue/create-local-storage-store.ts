import type { EventStore, QueuedPayload } from '@floe/core';
import { randomUuid } from '../identity/random-uuid';
import { tryStorage } from '../storage/try-storage';

/** The queue's part of the tracker's options. */
export interface QueueOptions {
  /** Tracker namespace (`tna`); it also names the queue's storage keys. */
  readonly namespace: string;
  /**
   * Events the queue keeps at most (default 1,000); the oldest waiting ones are evicted and
   * reported as `queue_full`.
   */
  readonly maxQueueEvents?: number;
  /** Bytes (UTF-8, summed over the events' JSON) the queue keeps at most. Default 1,000,000. */
  readonly maxQueueBytes?: number;
}

/** An `EventStore` over `localStorage`, with the page-lifecycle hooks the tracker calls. */
export interface LocalStorageStore extends EventStore {
  /**
   * `false` gives this tab's claim up at once (on `pagehide`), so the next page takes its unsent
   * events over without waiting for the claim to expire; `true` claims them again after the page
   * came back from the back/forward cache.
   */
  claim(mine: boolean): void;
  /** Forgets every queued event of this tab, in memory and in storage. */
  clear(): void;
}

/** How long a tab's claim lasts without renewal; renewed three times per period. */
const CLAIM_TTL_MS = 10_000;

interface Entry {
  readonly event: QueuedPayload;
  /** Whether `localStorage` took the write; when it refused, the event lives in memory only. */
  readonly saved: boolean;
  /** Handed to the emitter and not yet acknowledged or released. */
  taken?: boolean;
}

/**
 * An `EventStore` whose events survive a reload or a tab crash.
 *
 * Each event is one key, `_floe_q.<namespace>.<tab>.<n>` holding its JSON text, written when it is
 * added (so `add` is synchronous, decision 12) and removed when it is acknowledged. Every tab
 * claims its own events with a heartbeat key `_floe_q.<namespace>.<tab>` holding an expiry time;
 * only the owner sends them, so two tabs never send the same event. When a claim is gone (the page
 * was closed or reloaded) or expired (the tab crashed), a live tab takes the events over under a
 * Web Lock (so two live tabs never both do) and passes them to `onOrphans`. An event is sent twice
 * only when its first attempt was ambiguous: the page went away before the answer came.
 *
 * @param held - while it answers true (offline, consent pending), events still queue and persist,
 *   but none is handed out for sending: no attempt fails, no backoff grows, nothing is dropped.
 * @param onOrphans - receives, oldest first, the JSON texts of events left behind by a closed,
 *   reloaded or crashed tab, once this tab has taken them over. The tracker hands them to its
 *   emitter again, so they are counted, capped and flushed like its own.
 */
export function createLocalStorageStore(
  options: QueueOptions,
  held: () => boolean,
  onOrphans: (texts: string[]) => void,
): LocalStorageStore {
  const { maxQueueEvents = 1000, maxQueueBytes = 1_000_000 } = options;
  const prefix = `_floe_q.${options.namespace}.`;
  const tab = randomUuid().slice(0, 8);
  // Storage key → entry; a Map iterates in insertion order, which is the queue's order.
  const entries = new Map<string, Entry>();
  let bytes = 0;
  let counter = 0;
  let claimed = true;

  const remove = (key: string): QueuedPayload => {
    const { event } = entries.get(key)!;
    entries.delete(key);
    bytes -= event.bytes;
    tryStorage(() => localStorage.removeItem(key));
    return event;
  };

  const adoptOrphans = () => {
    const now = Date.now();
    const keys = Object.keys(localStorage).filter((key) => {
      const owner = key.slice(prefix.length, prefix.length + 8);
      return (
        key.startsWith(prefix) &&
        // `<tab>` or `<tab>.<n>`: a namespace that merely starts with this one (`web.shop` for
        // `web`) has keys of its own, and they are not this queue's to take.
        /^[\da-f]{8}(\.\d+)?$/.test(key.slice(prefix.length)) &&
        owner !== tab &&
        !(Number(localStorage.getItem(prefix + owner)) > now)
      );
    });
    // `<tab>.<n>` in numeric order: a dead tab's events in the order it queued them.
    keys.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    // Heartbeat keys (no `.<n>`) of dead tabs are only removed.
    const texts = keys
      .filter((key) => key.length > prefix.length + 8)
      .map((key) => localStorage.getItem(key)!);
    if (texts.length > 0) onOrphans(texts);
    // Removed only after `onOrphans` stored them under this tab's keys: a crash in between loses nothing.
    for (const key of keys) localStorage.removeItem(key);
  };

  const writeClaim = () => {
    if (claimed) {
      tryStorage(() => localStorage.setItem(prefix + tab, String(Date.now() + CLAIM_TTL_MS)));
    }
  };
  const heartbeat = () => {
    writeClaim();
    if (navigator.locks) {
      navigator.locks
        .request(prefix, { ifAvailable: true }, (lock) => lock && tryStorage(adoptOrphans))
        .catch(() => undefined);
    } else tryStorage(adoptOrphans);
  };
  writeClaim();
  // Adoption waits a task: `onOrphans` hands the events to an emitter created after this store.
  setTimeout(heartbeat);
  const timer = setInterval(heartbeat, CLAIM_TTL_MS / 3);

  return {
    durable: true,
    get size() {
      return entries.size;
    },
    get byteSize() {
      return bytes;
    },
    add(event) {
      const key = `${prefix}${tab}.${counter++}`;
      const saved = !!tryStorage(() => {
        localStorage.setItem(key, event.json);
        return true;
      });
      entries.set(key, { event, saved });
      bytes += event.bytes;
      const evicted: QueuedPayload[] = [];
      for (const [key, entry] of entries) {
        if (entries.size <= maxQueueEvents && bytes <= maxQueueBytes) break;
        // Events in flight are not evicted: their answer decides their fate.
        if (!entry.taken) evicted.push(remove(key));
      }
      return evicted;
    },
    take(limit, maxBytes = Number.POSITIVE_INFINITY) {
      const taken: QueuedPayload[] = [];
      let sum = 0;
      for (const [key, entry] of entries) {
        if (held() || taken.length >= limit) break;
        const { event } = entry;
        if (entry.taken) continue;
        if (entry.saved && tryStorage(() => localStorage.getItem(key)) === null) {
          // Another tab took it over while this page was frozen in the back/forward cache.
          remove(key);
        } else if (taken.length > 0 && sum + event.bytes > maxBytes) break;
        else {
          entry.taken = true;
          sum += event.bytes;
          taken.push(event);
        }
      }
      return taken;
    },
    ack(eids) {
      const done = new Set(eids);
      for (const [key, { event }] of entries) if (done.has(event.eid)) remove(key);
    },
    release(eids) {
      const back = new Set(eids);
      for (const entry of entries.values()) if (back.has(entry.event.eid)) entry.taken = false;
    },
    claim(mine) {
      claimed = mine;
      if (mine) heartbeat();
      else tryStorage(() => localStorage.removeItem(prefix + tab));
    },
    clear() {
      for (const key of entries.keys()) remove(key);
    },
    close() {
      clearInterval(timer);
      this.claim(false);
    },
  };
}
