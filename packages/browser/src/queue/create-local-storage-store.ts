import type { EventStore } from '@floe/core';

/** An event as stores hold it (core's `QueuedPayload`), named through the store contract. */
type QueuedPayload = Parameters<EventStore['add']>[0];

/** Options of {@link createLocalStorageStore}. */
export interface LocalStorageStoreOptions {
  /** Key prefix; trackers with the same prefix share one queue across tabs. */
  readonly prefix: string;
  /** Events kept at most; the oldest are evicted and reported as `queue_full`. Default 1,000. */
  readonly maxEvents?: number;
  /** Bytes (UTF-8, summed over the events' JSON) kept at most. Default 1,000,000. */
  readonly maxBytes?: number;
  /** How long a tab's claim on its events lasts without renewal. Default 10,000 ms. */
  readonly claimTtlMs?: number;
  /** Called when events left by a closed tab or an earlier page were taken over, so they can be sent. */
  readonly onRestored?: () => void;
}

/** A {@link createLocalStorageStore} store: an `EventStore` plus the page-lifecycle hooks the tracker uses. */
export interface LocalStorageStore extends EventStore {
  /**
   * Gives up this tab's claim at once (on `pagehide`), so the next page takes its unsent events
   * over without waiting for the claim to expire.
   */
  release(eids: readonly string[]): void;
  releaseClaim(): void;
  /** Renews the claim after a page came back from the back/forward cache. */
  renewClaim(): void;
  /** Forgets every queued event of this tab, in memory and in storage. */
  clear(): void;
}

interface Entry {
  readonly key: string;
  readonly event: QueuedPayload;
  leased: boolean;
  /** Whether `localStorage` took the write (it throws when full); unsaved entries live in memory only. */
  saved: boolean;
}

/**
 * An `EventStore` over `localStorage` whose events survive a reload or a tab crash.
 *
 * Each event is one key, `<prefix><tab>.<n>`, written when it is added (so `add` is synchronous,
 * decision 12) and removed when it is acknowledged. Every tab claims its own events with a
 * heartbeat key `<prefix><tab>` holding an expiry time; only the owner sends them, so two tabs
 * never send the same event. When a claim is gone (the page was closed or reloaded) or expired (the
 * tab crashed), a live tab takes the events over under a Web Lock, renaming the keys to its own.
 * An event is sent twice only when its first attempt was ambiguous: the page went away before the
 * answer came.
 */
export function createLocalStorageStore(options: LocalStorageStoreOptions): LocalStorageStore {
  const {
    prefix,
    maxEvents = 1000,
    maxBytes = 1_000_000,
    claimTtlMs = 10_000,
    onRestored,
  } = options;
  const tab = Math.random().toString(16).slice(2, 10).padEnd(8, '0');
  const entries: Entry[] = [];
  let bytes = 0;
  let counter = 0;
  let claimed = true;

  const storage = (): Storage | undefined => {
    try {
      return localStorage;
    } catch {
      return undefined; // sandboxed frames and some privacy modes throw on access
    }
  };
  const tryWrite = (write: (ls: Storage) => void): boolean => {
    try {
      const ls = storage();
      if (ls) write(ls);
      return !!ls;
    } catch {
      return false; // QuotaExceededError: the event stays queued in memory for this page
    }
  };
  const heartbeat = (): void => {
    if (claimed) tryWrite((ls) => ls.setItem(prefix + tab, String(Date.now() + claimTtlMs)));
  };
  const remove = (index: number): Entry => {
    const [entry] = entries.splice(index, 1) as [Entry];
    bytes -= entry.event.bytes;
    tryWrite((ls) => ls.removeItem(entry.key));
    return entry;
  };
  const nextKey = () => `${prefix}${tab}.${counter++}`;

  // Takes over the events of tabs whose claim is gone or expired.
  const adopt = (): void => {
    const ls = storage();
    if (!ls) return;
    const now = Date.now();
    const alive = (owner: string) => owner === tab || Number(ls.getItem(prefix + owner)) > now;
    const keys: string[] = [];
    for (let i = 0; i < ls.length; i++) {
      const key = ls.key(i);
      if (key?.startsWith(prefix)) keys.push(key);
    }
    const found: Entry[] = [];
    for (const key of keys) {
      const owner = key.slice(prefix.length, prefix.length + 8);
      if (alive(owner)) continue;
      const value = ls.getItem(key);
      ls.removeItem(key);
      if (value === null || key.length === prefix.length + 8) continue;
      const [eid = '', queuedAt, size] = value.split(' ', 3);
      const json = value.slice(eid.length + (queuedAt ?? '').length + (size ?? '').length + 3);
      const entry: Entry = {
        key: nextKey(),
        event: { eid, json, bytes: Number(size), queuedAt: Number(queuedAt) },
        leased: false,
        saved: false,
      };
      entry.saved = tryWrite((s) => s.setItem(entry.key, value));
      found.push(entry);
    }
    if (found.length === 0) return;
    found.sort((a, b) => a.event.queuedAt - b.event.queuedAt);
    entries.unshift(...found);
    for (const entry of found) bytes += entry.event.bytes;
    onRestored?.();
  };
  const adoptUnderLock = (): void => {
    heartbeat();
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    // The lock keeps two live tabs from taking over the same closed tab's events at once.
    if (locks)
      void locks
        .request(prefix, { ifAvailable: true }, async (lock) => lock && adopt())
        .catch(() => undefined);
    else adopt();
  };
  adoptUnderLock();
  const timer = setInterval(adoptUnderLock, claimTtlMs / 3);

  return {
    durable: true,
    get size() {
      return entries.length;
    },
    get byteSize() {
      return bytes;
    },
    add(event) {
      const entry: Entry = { key: nextKey(), event, leased: false, saved: false };
      entry.saved = tryWrite((ls) =>
        ls.setItem(entry.key, `${event.eid} ${event.queuedAt} ${event.bytes} ${event.json}`),
      );
      entries.push(entry);
      bytes += event.bytes;
      const evicted: QueuedPayload[] = [];
      for (let i = 0; (entries.length > maxEvents || bytes > maxBytes) && i < entries.length; ) {
        // Events in flight are not evicted: their answer decides their fate.
        if (entries[i]!.leased) i++;
        else evicted.push(remove(i).event);
      }
      return evicted;
    },
    take(limit, maxTakeBytes = Number.POSITIVE_INFINITY) {
      const taken: QueuedPayload[] = [];
      let sum = 0;
      const ls = storage();
      for (let i = 0; i < entries.length && taken.length < limit; i++) {
        const entry = entries[i]!;
        if (entry.leased) continue;
        if (entry.saved && ls?.getItem(entry.key) === null) {
          // Another tab took it over while this page was frozen in the back/forward cache.
          entries.splice(i--, 1);
          bytes -= entry.event.bytes;
          continue;
        }
        if (taken.length > 0 && sum + entry.event.bytes > maxTakeBytes) break;
        entry.leased = true;
        sum += entry.event.bytes;
        taken.push(entry.event);
      }
      return taken;
    },
    ack(eids) {
      const done = new Set(eids);
      for (let i = entries.length - 1; i >= 0; i--) if (done.has(entries[i]!.event.eid)) remove(i);
    },
    release(eids) {
      const back = new Set(eids);
      for (const entry of entries) if (back.has(entry.event.eid)) entry.leased = false;
    },
    releaseClaim() {
      claimed = false;
      tryWrite((ls) => ls.removeItem(prefix + tab));
    },
    renewClaim() {
      claimed = true;
      adoptUnderLock();
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
