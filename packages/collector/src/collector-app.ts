import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CollectorOptions } from './collector-options';
import type { BadEvent } from './events/bad-event';
import type { GoodEvent } from './events/good-event';
import { createRequestListener } from './http/request-listener';
import { createIngest, type IngestResult } from './ingest';
import { getPackageInfo } from './package-info';
import type { CollectorRequest } from './pipeline/collector-request';
import type { ProcessingConfig } from './pipeline/processing-config';
import { type ResolvedOptions, resolveOptions } from './resolve-options';
import { createSchemaRegistry } from './schemas/schema-registry';
import { type CollectorSpecs, loadCollectorSpecs } from './specs/collector-specs';
import type { BadEventFilter, EventCounts, GoodEventFilter } from './storage/event-storage';
import { createMemoryStorage } from './storage/memory-storage';
import { createSqliteStorage } from './storage/sqlite-storage';

/**
 * The collector without a listening socket: processing, storage, inspection and a Node request
 * listener. `startCollector` serves it over HTTP; other servers (such as a fault-injection
 * server) can mount `listener` or call `ingest` directly.
 */
export interface CollectorApp {
  readonly options: ResolvedOptions;
  /** The Iglu roots in lookup order: the user's folders, then the bundled standard schemas. */
  readonly schemaRoots: readonly string[];
  /** Node `request` listener serving every route. */
  readonly listener: (req: IncomingMessage, res: ServerResponse) => void;
  /** Processes one event-route request and commits its results before returning. */
  ingest(request: CollectorRequest): IngestResult;
  /** `/micro/all` */
  all(): EventCounts;
  /** `/micro/good` (copies; newest request first) */
  good(filter?: GoodEventFilter): GoodEvent[];
  /** `/micro/bad` (copies; newest request first) */
  bad(filter?: BadEventFilter): BadEvent[];
  /** `/micro/reset`: clears good and bad events (the schema cache stays). */
  reset(): void;
  /** The resolved schema for an Iglu URI; throws `ResolutionError` when no root has it. */
  schema(uri: string): unknown;
  /** The event specifications loaded from `specDirs`, grouped by event URI. */
  readonly specs: CollectorSpecs;
  /** Drops compiled schemas so edited files are read again. */
  reloadSchemas(): void;
  /** How many stored items the `maxEvents` cap evicted. */
  evicted(): number;
  /** Closes the storage. */
  close(): void;
}

/**
 * Creates the collector's processing core.
 *
 * @param options - collector options (`port`/`host` are only used by `startCollector`)
 * @example
 * const app = await createCollectorApp({ schemaDirs: ['schemas'] });
 * const server = http.createServer(app.listener);
 */
export async function createCollectorApp(options: CollectorOptions = {}): Promise<CollectorApp> {
  const resolved = resolveOptions(options);
  const info = getPackageInfo();
  const registry = createSchemaRegistry({
    roots: [...resolved.schemaDirs, info.schemasDir],
    clock: resolved.clock,
    onWarning: resolved.onWarning,
  });
  const storage =
    resolved.storage === 'memory'
      ? createMemoryStorage({ maxItems: resolved.maxEvents })
      : await createSqliteStorage(resolved.storage.file, {
          maxItems: resolved.maxEvents,
          processor: { name: resolved.processorName, version: info.version },
        });
  const config: ProcessingConfig = {
    processorName: resolved.processorName,
    processorVersion: info.version,
    clock: resolved.clock,
    idSource: resolved.idSource,
    cookieName: resolved.cookie?.name ?? null,
    maxPayloadSize: resolved.maxPayloadSize,
    maxJsonDepth: resolved.maxJsonDepth,
    registry,
  };
  const ingest = createIngest(resolved, config, storage);
  const specs = loadCollectorSpecs(resolved.specDirs, resolved.onWarning);
  const listener = createRequestListener({
    storage,
    registry,
    uiDir: info.uiDir,
    dropPayloadSize: resolved.dropPayloadSize,
    maxRequestLineLength: resolved.maxRequestLineLength,
    maxHeadersLength: resolved.maxHeadersLength,
    ingest,
    onError: resolved.onError,
    host: resolved.host,
    specs,
  });
  return {
    options: resolved,
    schemaRoots: registry.roots,
    listener,
    ingest,
    all: () => storage.counts(),
    good: (filter) => storage.good(filter),
    bad: (filter) => storage.bad(filter),
    reset: () => storage.reset(),
    schema: (uri) => registry.resolve(uri).schema,
    specs,
    reloadSchemas: () => registry.reload(),
    evicted: () => storage.evicted(),
    close: () => storage.close(),
  };
}
