import type { ServerResponse } from 'node:http';
import type { CollectorSpecs } from '../specs/collector-specs';
import type { EventStorage, StoredItem } from '../storage/event-storage';
import { sendJson } from './responses';
import { toUiItem, type UiItem } from './to-ui-item';

/** The most items one feed answer lists. */
const MAX_WINDOW = 1000;
/** Items read from storage at a time, so a run of large rows is never loaded all at once. */
const READ_CHUNK = 32;
/** A feed answer stops adding items past this many bytes of values (at least one item goes). */
const FEED_BUDGET_BYTES = 2 * 1024 * 1024;
/** Values larger than this are not sent in the feed; the UI reads them in pages. */
export const INLINE_VALUE_BYTES = 128 * 1024;
/** One page of a large value's JSON text, in UTF-16 code units. */
export const ITEM_PAGE_CHARS = 256 * 1024;

const DIGITS = /^\d+$/;

function numberParam(query: URLSearchParams, name: string): number | undefined {
  const text = query.get(name);
  return text !== null && DIGITS.test(text) ? Number(text) : undefined;
}

/**
 * `GET /micro/ui/api/events?after=SEQ&limit=N`: the items after `SEQ` (or the newest `N`), in
 * ascending order. The answer is bounded in bytes, not only in items: values over
 * `INLINE_VALUE_BYTES` are left out (`value: null`, read through `/micro/ui/api/item`), and the
 * list stops once `FEED_BUDGET_BYTES` of values are in it. `more` says that the client should
 * ask again from the last item.
 *
 * @param res - the response
 * @param query - `after` and `limit`
 * @param storage - the event storage
 * @param specs - event specifications good items are checked against, if any
 */
export function sendEventsFeed(
  res: ServerResponse,
  query: URLSearchParams,
  storage: EventStorage,
  specs?: CollectorSpecs,
): void {
  const limit = Math.min(MAX_WINDOW, Math.max(1, numberParam(query, 'limit') ?? 500));
  // Reads only the epoch and the last sequence number.
  const head = storage.items({ afterSeq: Number.MAX_SAFE_INTEGER, limit: 1 });
  let cursor = numberParam(query, 'after') ?? Math.max(0, head.lastSeq - limit);
  const items: UiItem[] = [];
  let bytes = 0;
  let more = false;
  reading: for (;;) {
    const chunk = storage.items({ afterSeq: cursor, limit: Math.min(READ_CHUNK, limit) });
    for (const item of chunk.items) {
      const summary = toUiItem(item, INLINE_VALUE_BYTES, specs);
      const cost = summary.value === null ? 0 : summary.valueBytes;
      if (items.length >= limit || (items.length > 0 && bytes + cost > FEED_BUDGET_BYTES)) {
        more = true;
        break reading;
      }
      items.push(summary);
      bytes += cost;
      cursor = item.seq;
    }
    if (chunk.items.length < Math.min(READ_CHUNK, limit)) break;
  }
  sendJson(res, 200, {
    epoch: head.epoch,
    lastSeq: head.lastSeq,
    counts: { ...storage.counts(), incomplete: storage.incomplete() },
    items,
    more,
  });
}

function findItem(storage: EventStorage, seq: number): StoredItem | undefined {
  const [item] = storage.items({ afterSeq: seq - 1, limit: 1 }).items;
  return item?.seq === seq ? item : undefined;
}

/**
 * `GET /micro/ui/api/item?seq=N&offset=K`: one page of an item's value as indented JSON text,
 * for rows the feed leaves out. `nextOffset` is `null` on the last page; a page never ends
 * inside a surrogate pair.
 *
 * @param res - the response
 * @param query - `seq` and `offset`
 * @param storage - the event storage
 */
export function sendItemPage(
  res: ServerResponse,
  query: URLSearchParams,
  storage: EventStorage,
): void {
  const seq = numberParam(query, 'seq');
  const item = seq === undefined ? undefined : findItem(storage, seq);
  if (!item) {
    sendJson(res, 404, { error: 'no such item (it may have been reset)' });
    return;
  }
  const text = JSON.stringify(item.value, null, 2);
  const offset = Math.min(numberParam(query, 'offset') ?? 0, text.length);
  let end = Math.min(offset + ITEM_PAGE_CHARS, text.length);
  const last = text.charCodeAt(end - 1);
  if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
  sendJson(res, 200, {
    seq: item.seq,
    kind: item.kind,
    totalChars: text.length,
    offset,
    text: text.slice(offset, end),
    nextOffset: end < text.length ? end : null,
  });
}
