import type { Statement } from 'better-sqlite3';
import type { BadEvent } from '../events/bad-event';
import type { GoodEvent } from '../events/good-event';
import type { BadEventFilter, GoodEventFilter, StoredItem, StoredKind } from './event-storage';
import { decodeGoodEvent, type SharedRequest } from './good-event-codec';

/** The layout version kept in `PRAGMA user_version`. */
export const SCHEMA_VERSION = 1;

/**
 * Tables of the event database. `seq` orders items; `request_seq` groups one request's items,
 * whose shared part (api, source, context, headers) is stored once in `floe_requests`.
 */
export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS floe_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS floe_requests (
  request_seq INTEGER PRIMARY KEY,
  received_at INTEGER NOT NULL,
  shared TEXT
);
CREATE TABLE IF NOT EXISTS floe_items (
  seq INTEGER PRIMARY KEY,
  request_seq INTEGER NOT NULL,
  kind TEXT NOT NULL,
  event_type TEXT,
  schema TEXT,
  contexts TEXT,
  api_vendor TEXT NOT NULL,
  api_version TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS floe_items_listing ON floe_items (kind, request_seq DESC, seq);
`;

/**
 * Returns a cached prepared statement for the SQL text. Every value goes in as a bound
 * parameter, so the set of SQL texts (and of cached statements) is fixed by the code.
 */
export type Prepare = (sql: string) => Statement;

/** One item row joined with its request. */
export interface ItemRow {
  readonly seq: number;
  readonly request_seq: number;
  readonly kind: StoredKind;
  readonly received_at: number;
  readonly contexts: string | null;
  readonly body: string;
  readonly shared: string | null;
}

/** Columns selected by every read. */
export const ITEM_COLUMNS =
  'i.seq, i.request_seq, i.kind, r.received_at, i.contexts, i.body, r.shared FROM floe_items i JOIN floe_requests r ON r.request_seq = i.request_seq';

const ORDER = 'ORDER BY i.request_seq DESC, i.seq ASC';

/** Decodes rows, parsing each request's shared part once. */
export function createRowDecoder(): (row: ItemRow) => StoredItem {
  const shared = new Map<number, SharedRequest>();
  return (row) => {
    let value: GoodEvent | BadEvent;
    if (row.kind === 'bad') value = JSON.parse(row.body) as BadEvent;
    else {
      let requestShared = shared.get(row.request_seq);
      if (!requestShared) {
        requestShared = JSON.parse(row.shared ?? '{}') as SharedRequest;
        shared.set(row.request_seq, requestShared);
      }
      value = decodeGoodEvent(row.body, requestShared, row.received_at);
    }
    return {
      seq: row.seq,
      requestSeq: row.request_seq,
      kind: row.kind,
      receivedAt: row.received_at,
      value,
    };
  };
}

/**
 * `/micro/good` over SQLite: type and schema filters in SQL, the entity filter on the stored
 * URI list, stopping at `limit`.
 *
 * @param prepare - statement cache
 * @param filter - the filters
 */
export function selectGood(prepare: Prepare, filter: GoodEventFilter): GoodEvent[] {
  const where = ["i.kind = 'good'"];
  const args: unknown[] = [];
  if (filter.event_type !== undefined) {
    where.push('i.event_type = ?');
    args.push(filter.event_type);
  }
  if (filter.schema !== undefined) {
    where.push('i.schema = ?');
    args.push(filter.schema);
  }
  const statement = prepare(`SELECT ${ITEM_COLUMNS} WHERE ${where.join(' AND ')} ${ORDER}`);
  const decode = createRowDecoder();
  const out: GoodEvent[] = [];
  for (const row of statement.iterate(...args) as Iterable<ItemRow>) {
    if (filter.limit !== undefined && out.length >= filter.limit) break;
    const wanted = filter.contexts;
    if (wanted && wanted.length > 0) {
      const uris = row.contexts ? (JSON.parse(row.contexts) as string[]) : [];
      if (!wanted.every((uri) => uris.includes(uri))) continue;
    }
    out.push(decode(row).value as GoodEvent);
  }
  return out;
}

/**
 * `/micro/bad` over SQLite.
 *
 * @param prepare - statement cache
 * @param filter - the filters
 */
export function selectBad(prepare: Prepare, filter: BadEventFilter): BadEvent[] {
  const where = ["i.kind = 'bad'"];
  const args: unknown[] = [];
  if (filter.vendor !== undefined) {
    where.push('i.api_vendor = ?');
    args.push(filter.vendor);
  }
  if (filter.version !== undefined) {
    where.push('i.api_version = ?');
    args.push(filter.version);
  }
  // The limit is bound, never spliced: each distinct SQL text becomes a cached prepared
  // statement, so splicing let a stream of distinct limits grow memory without end. SQLite reads
  // a negative LIMIT as "no limit".
  args.push(filter.limit !== undefined ? Math.floor(filter.limit) : -1);
  const statement = prepare(`SELECT ${ITEM_COLUMNS} WHERE ${where.join(' AND ')} ${ORDER} LIMIT ?`);
  const decode = createRowDecoder();
  return (statement.all(...args) as ItemRow[]).map((row) => decode(row).value as BadEvent);
}
