import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database, Statement } from 'better-sqlite3';
import { CollectorError } from '../collector-error';
import type { BadEvent } from '../events/bad-event';
import type { GoodEvent } from '../events/good-event';
import type { EventStorage, StoredItem, StoredKind } from './event-storage';
import { kindOf } from './item-summary';
import { SCHEMA_SQL, selectBad, selectGood } from './sqlite-queries';

interface ItemRow {
  seq: number;
  request_seq: number;
  kind: StoredKind;
  received_at: number;
  body: string;
}

async function openDatabase(file: string): Promise<Database> {
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const module = (await import('better-sqlite3')) as unknown as {
      default?: new (file: string) => Database;
    };
    const Constructor = (module.default ?? module) as new (file: string) => Database;
    const db = new Constructor(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(SCHEMA_SQL);
    return db;
  } catch (error) {
    throw new CollectorError(
      'storage_failed',
      `Cannot open the event database ${file}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}

/**
 * SQLite storage (better-sqlite3): the CLI default, so events survive a restart. Each request
 * is one transaction through prepared statements; WAL mode keeps commits cheap.
 *
 * @param file - the database file (created with its folder), or `:memory:`
 * @param options - `maxItems` caps the number of stored items (oldest requests go first)
 */
export async function createSqliteStorage(
  file: string,
  options: { readonly maxItems?: number } = {},
): Promise<EventStorage> {
  const db = await openDatabase(file);
  const meta = (key: string) =>
    (
      db.prepare('SELECT value FROM floe_meta WHERE key = ?').get(key) as
        | { value: string }
        | undefined
    )?.value;
  const setMeta = db.prepare('INSERT OR REPLACE INTO floe_meta (key, value) VALUES (?, ?)');
  let epoch = meta('epoch') ?? randomUUID();
  setMeta.run('epoch', epoch);
  let evicted = Number(meta('evicted') ?? 0);
  const countKinds = db.prepare('SELECT kind, COUNT(*) AS n FROM floe_items GROUP BY kind');
  const counts = { good: 0, bad: 0, incomplete: 0 };
  const loadCounts = () => {
    counts.good = 0;
    counts.bad = 0;
    counts.incomplete = 0;
    for (const row of countKinds.all() as { kind: StoredKind; n: number }[])
      counts[row.kind] = row.n;
  };
  loadCounts();
  let requestSeq =
    (db.prepare('SELECT MAX(request_seq) AS m FROM floe_items').get() as { m: number | null }).m ??
    0;
  const insert = db.prepare(
    `INSERT INTO floe_items (request_seq, kind, received_at, event_type, schema, contexts, api_vendor, api_version, body)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const cutoff = db.prepare('SELECT seq FROM floe_items ORDER BY seq DESC LIMIT 1 OFFSET ?');
  const evict = db.prepare('DELETE FROM floe_items WHERE seq <= ?');
  const add = (value: GoodEvent | BadEvent, request: number, receivedAt: number) => {
    const kind = kindOf(value);
    const good = kind === 'bad' ? undefined : (value as GoodEvent);
    const api = good ? good.rawEvent.api : (value as BadEvent).collectorPayload.api;
    insert.run(
      request,
      kind,
      receivedAt,
      good?.eventType ?? null,
      good?.schema ?? null,
      good ? JSON.stringify(good.contexts) : null,
      api.vendor,
      api.version,
      JSON.stringify(value),
    );
    counts[kind]++;
  };
  const commit = db.transaction((batch: Parameters<EventStorage['commit']>[0]) => {
    const request = ++requestSeq;
    for (const event of batch.good) add(event, request, batch.receivedAt);
    for (const event of batch.bad) add(event, request, batch.receivedAt);
    if (options.maxItems === undefined) return;
    const row = cutoff.get(options.maxItems) as { seq: number } | undefined;
    if (!row) return;
    evicted += evict.run(row.seq).changes;
    setMeta.run('evicted', String(evicted));
    loadCounts();
  });
  const statements = new Map<string, Statement>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const toItem = (row: ItemRow): StoredItem => ({
    seq: row.seq,
    requestSeq: row.request_seq,
    kind: row.kind,
    receivedAt: row.received_at,
    value: JSON.parse(row.body) as GoodEvent | BadEvent,
  });

  return {
    kind: 'sqlite',
    commit: (batch) => commit(batch),
    counts: () => ({ total: counts.good + counts.bad, good: counts.good, bad: counts.bad }),
    incomplete: () => counts.incomplete,
    good: (filter = {}) => selectGood(prepared, filter),
    bad: (filter = {}) => selectBad(prepared, filter),
    items({ afterSeq, limit }) {
      const rows = (
        afterSeq === undefined
          ? prepared(
              'SELECT * FROM (SELECT * FROM floe_items ORDER BY seq DESC LIMIT ?) ORDER BY seq',
            ).all(limit)
          : prepared('SELECT * FROM floe_items WHERE seq > ? ORDER BY seq LIMIT ?').all(
              afterSeq,
              limit,
            )
      ) as ItemRow[];
      const last =
        (prepared('SELECT MAX(seq) AS m FROM floe_items').get() as { m: number | null }).m ?? 0;
      return { epoch, lastSeq: last, items: rows.map(toItem) };
    },
    reset() {
      db.exec('DELETE FROM floe_items');
      epoch = randomUUID();
      setMeta.run('epoch', epoch);
      loadCounts();
    },
    evicted: () => evicted,
    close() {
      if (db.open) db.close();
    },
  };
}
