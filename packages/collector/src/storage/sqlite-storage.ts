import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database, Statement } from 'better-sqlite3';
import { CollectorError } from '../collector-error';
import type { CommitBatch, EventStorage, StoredKind } from './event-storage';
import { encodeGoodEvent, encodeSharedRequest, type SharedRequest } from './good-event-codec';
import { loadSqliteDriver } from './load-sqlite-driver';
import {
  createRowDecoder,
  ITEM_COLUMNS,
  type ItemRow,
  SCHEMA_SQL,
  SCHEMA_VERSION,
  selectBad,
  selectGood,
} from './sqlite-queries';

async function openDatabase(file: string): Promise<Database> {
  // Outside the try: a driver that cannot load is `storage_unavailable`, not a bad file.
  const Constructor = await loadSqliteDriver();
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const db = new Constructor(file);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== 0 && version !== SCHEMA_VERSION) {
      db.close();
      throw new Error(`unknown database layout version ${version} (expected ${SCHEMA_VERSION})`);
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // Checkpoint (and fsync) every ~16 MB of WAL instead of every 4 MB: fewer stalls at high rates.
    db.pragma('wal_autocheckpoint = 4000');
    db.exec(SCHEMA_SQL);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
    return db;
  } catch (error) {
    const message = `Cannot open the event database ${file}: ${(error as Error).message}`;
    throw new CollectorError('storage_failed', message, { cause: error });
  }
}

/**
 * SQLite storage (better-sqlite3, an optional dependency loaded on first use): the CLI default,
 * so events survive a restart. Each request is one transaction through prepared statements (WAL
 * mode); a request's shared part is stored once, and valid events as their parameters only (see
 * `good-event-codec`), which keeps commits small and fast.
 *
 * @param file - the database file (created with its folder), or `:memory:`
 * @param options - `maxItems` caps the number of stored items (oldest requests go first);
 *   `processor` is recorded with each request
 * @throws CollectorError `storage_unavailable` when better-sqlite3 cannot load, `storage_failed`
 *   when the file cannot be opened
 */
export async function createSqliteStorage(
  file: string,
  options: { readonly maxItems?: number; readonly processor: SharedRequest['processor'] },
): Promise<EventStorage> {
  const db = await openDatabase(file);
  const getMeta = db.prepare('SELECT value FROM floe_meta WHERE key = ?');
  const setMeta = db.prepare('INSERT OR REPLACE INTO floe_meta (key, value) VALUES (?, ?)');
  const meta = (key: string) => (getMeta.get(key) as { value: string } | undefined)?.value;
  let epoch = meta('epoch') ?? randomUUID();
  setMeta.run('epoch', epoch);
  let evicted = Number(meta('evicted') ?? 0);
  const countKinds = db.prepare('SELECT kind, COUNT(*) AS n FROM floe_items GROUP BY kind');
  const counts: Record<StoredKind, number> = { good: 0, bad: 0, incomplete: 0 };
  const loadCounts = () => {
    counts.good = 0;
    counts.bad = 0;
    counts.incomplete = 0;
    for (const row of countKinds.all() as { kind: StoredKind; n: number }[])
      counts[row.kind] = row.n;
  };
  loadCounts();
  const maxRequest = db.prepare('SELECT MAX(request_seq) AS m FROM floe_requests').get() as {
    m: number | null;
  };
  let requestSeq = maxRequest.m ?? 0;
  const insertRequest = db.prepare(
    'INSERT INTO floe_requests (request_seq, received_at, shared) VALUES (?, ?, ?)',
  );
  const insertItem = db.prepare(
    `INSERT INTO floe_items (request_seq, kind, event_type, schema, contexts, api_vendor, api_version, body)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const cutoff = db.prepare(
    'SELECT seq, request_seq FROM floe_items ORDER BY seq DESC LIMIT 1 OFFSET ?',
  );
  const evictItems = db.prepare('DELETE FROM floe_items WHERE seq <= ?');
  const evictRequests = db.prepare('DELETE FROM floe_requests WHERE request_seq < ?');

  const commit = db.transaction((batch: CommitBatch) => {
    const request = ++requestSeq;
    const first = batch.good[0];
    const shared = first ? encodeSharedRequest(first, options.processor) : null;
    insertRequest.run(request, batch.receivedAt, shared);
    for (const good of batch.good) {
      const kind = good.incomplete ? 'incomplete' : 'good';
      const contexts = good.contexts.length > 0 ? JSON.stringify(good.contexts) : null;
      const { vendor, version } = good.rawEvent.api;
      insertItem.run(
        request,
        kind,
        good.eventType,
        good.schema,
        contexts,
        vendor,
        version,
        encodeGoodEvent(good),
      );
      counts[kind]++;
    }
    for (const bad of batch.bad) {
      const { vendor, version } = bad.collectorPayload.api;
      insertItem.run(request, 'bad', null, null, null, vendor, version, JSON.stringify(bad));
      counts.bad++;
    }
    if (options.maxItems === undefined) return;
    const row = cutoff.get(options.maxItems) as { seq: number; request_seq: number } | undefined;
    if (!row) return;
    evicted += evictItems.run(row.seq).changes;
    evictRequests.run(row.request_seq);
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
              `SELECT * FROM (SELECT ${ITEM_COLUMNS} ORDER BY i.seq DESC LIMIT ?) ORDER BY seq`,
            ).all(limit)
          : prepared(`SELECT ${ITEM_COLUMNS} WHERE i.seq > ? ORDER BY i.seq LIMIT ?`).all(
              afterSeq,
              limit,
            )
      ) as ItemRow[];
      const last = prepared('SELECT MAX(seq) AS m FROM floe_items').get() as { m: number | null };
      const decode = createRowDecoder();
      return { epoch, lastSeq: last.m ?? 0, items: rows.map(decode) };
    },
    reset() {
      db.exec('DELETE FROM floe_items; DELETE FROM floe_requests;');
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
