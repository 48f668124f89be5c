import type { Statement } from 'better-sqlite3';
import type { BadEvent } from '../events/bad-event';
import type { GoodEvent } from '../events/good-event';
import type { BadEventFilter, GoodEventFilter } from './event-storage';

/** Tables of the event database. `seq` orders items; `request_seq` groups one request's items. */
export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS floe_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS floe_items (
  seq INTEGER PRIMARY KEY,
  request_seq INTEGER NOT NULL,
  kind TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  event_type TEXT,
  schema TEXT,
  contexts TEXT,
  api_vendor TEXT NOT NULL,
  api_version TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS floe_items_listing ON floe_items (kind, request_seq DESC, seq);
`;

/** Returns a cached prepared statement for the SQL text. */
export type Prepare = (sql: string) => Statement;

const ORDER = 'ORDER BY request_seq DESC, seq ASC';

/**
 * `/micro/good` over SQLite: type and schema filters in SQL, the entity filter on the stored
 * URI list, stopping at `limit`.
 *
 * @param prepare - statement cache
 * @param filter - the filters
 */
export function selectGood(prepare: Prepare, filter: GoodEventFilter): GoodEvent[] {
  const where = ["kind = 'good'"];
  const args: unknown[] = [];
  if (filter.event_type !== undefined) {
    where.push('event_type = ?');
    args.push(filter.event_type);
  }
  if (filter.schema !== undefined) {
    where.push('schema = ?');
    args.push(filter.schema);
  }
  const statement = prepare(
    `SELECT contexts, body FROM floe_items WHERE ${where.join(' AND ')} ${ORDER}`,
  );
  const out: GoodEvent[] = [];
  for (const row of statement.iterate(...args) as Iterable<{ contexts: string; body: string }>) {
    if (filter.limit !== undefined && out.length >= filter.limit) break;
    if (filter.contexts) {
      const uris = JSON.parse(row.contexts) as string[];
      if (!filter.contexts.every((uri) => uris.includes(uri))) continue;
    }
    out.push(JSON.parse(row.body) as GoodEvent);
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
  const where = ["kind = 'bad'"];
  const args: unknown[] = [];
  if (filter.vendor !== undefined) {
    where.push('api_vendor = ?');
    args.push(filter.vendor);
  }
  if (filter.version !== undefined) {
    where.push('api_version = ?');
    args.push(filter.version);
  }
  const limit = filter.limit !== undefined ? ` LIMIT ${Math.floor(filter.limit)}` : '';
  const statement = prepare(
    `SELECT body FROM floe_items WHERE ${where.join(' AND ')} ${ORDER}${limit}`,
  );
  return (statement.all(...args) as { body: string }[]).map(
    (row) => JSON.parse(row.body) as BadEvent,
  );
}
