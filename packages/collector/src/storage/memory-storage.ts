import { randomUUID } from 'node:crypto';
import type { BadEvent } from '../events/bad-event';
import type { GoodEvent } from '../events/good-event';
import type { EventStorage, StoredItem } from './event-storage';
import { kindOf, matchesBadFilter, matchesGoodFilter } from './item-summary';

/**
 * Yields items newest request first, keeping request order inside each request (§5.2), by
 * walking the ascending array backwards one request group at a time.
 */
function* listingOrder(items: readonly StoredItem[]): Generator<StoredItem> {
  let end = items.length;
  while (end > 0) {
    const requestSeq = items[end - 1]!.requestSeq;
    let start = end - 1;
    while (start > 0 && items[start - 1]!.requestSeq === requestSeq) start--;
    for (let i = start; i < end; i++) yield items[i]!;
    end = start;
  }
}

function take<T>(
  source: Iterable<StoredItem>,
  accept: (item: StoredItem) => boolean,
  limit?: number,
): T[] {
  const out: T[] = [];
  for (const item of source) {
    if (limit !== undefined && out.length >= limit) break;
    if (accept(item)) out.push(structuredClone(item.value) as T);
  }
  return out;
}

/**
 * In-memory storage: the default of `startCollector()` and of tests. Reads return copies, so a
 * caller cannot change what is stored.
 *
 * @param options - `maxItems` caps the number of stored items (oldest requests go first)
 */
export function createMemoryStorage(options: { readonly maxItems?: number } = {}): EventStorage {
  let items: StoredItem[] = [];
  let seq = 0;
  let requestSeq = 0;
  let evicted = 0;
  let epoch = randomUUID();
  let counts = { good: 0, bad: 0, incomplete: 0 };

  function add(value: GoodEvent | BadEvent, request: number, receivedAt: number): void {
    const kind = kindOf(value);
    items.push({ seq: ++seq, requestSeq: request, kind, receivedAt, value });
    counts[kind]++;
  }

  function evict(): void {
    const max = options.maxItems;
    if (max === undefined || items.length <= max) return;
    const removed = items.slice(0, items.length - max);
    items = items.slice(items.length - max);
    evicted += removed.length;
    for (const item of removed) counts[item.kind]--;
  }

  return {
    kind: 'memory',
    commit(batch) {
      const request = ++requestSeq;
      for (const event of batch.good) add(event, request, batch.receivedAt);
      for (const event of batch.bad) add(event, request, batch.receivedAt);
      evict();
    },
    counts: () => ({ total: counts.good + counts.bad, good: counts.good, bad: counts.bad }),
    incomplete: () => counts.incomplete,
    good: (filter = {}) =>
      take<GoodEvent>(
        listingOrder(items),
        (item) => item.kind === 'good' && matchesGoodFilter(item.value as GoodEvent, filter),
        filter.limit,
      ),
    bad: (filter = {}) =>
      take<BadEvent>(
        listingOrder(items),
        (item) => item.kind === 'bad' && matchesBadFilter(item.value as BadEvent, filter),
        filter.limit,
      ),
    items({ afterSeq, limit }) {
      let start = Math.max(0, items.length - limit);
      if (afterSeq !== undefined) {
        // Binary search: the UI polls this every second over possibly many items.
        let low = 0;
        let high = items.length;
        while (low < high) {
          const mid = (low + high) >> 1;
          if (items[mid]!.seq > afterSeq) high = mid;
          else low = mid + 1;
        }
        start = low;
      }
      return {
        epoch,
        lastSeq: seq,
        items: items.slice(start, start + limit).map((item) => structuredClone(item)),
      };
    },
    reset() {
      items = [];
      counts = { good: 0, bad: 0, incomplete: 0 };
      epoch = randomUUID();
    },
    evicted: () => evicted,
    close() {
      items = [];
    },
  };
}
