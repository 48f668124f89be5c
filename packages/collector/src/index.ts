export type { BadRow, BadRowType, Processor } from './badrows/bad-row';
export { BAD_ROW_VERSIONS, badRowSchemaUri } from './badrows/bad-row';
export type {
  DataReport,
  FailureMessage,
  IgluClientError,
  LookupAttempt,
  NotIgluReason,
} from './badrows/failure-message';
export { describeFailureMessage } from './badrows/failure-message';
export type { CollectorCliArgs } from './cli/parse-cli-args';
export { COLLECTOR_USAGE, DEFAULT_DB_FILE, parseCollectorCliArgs } from './cli/parse-cli-args';
export type { CollectorCliIo } from './cli/run-collector-cli';
export { runCollectorCli } from './cli/run-collector-cli';
export type { CollectorApp } from './collector-app';
export { createCollectorApp } from './collector-app';
export { CollectorError } from './collector-error';
export type { CollectorOptions, StorageOption } from './collector-options';
export type { EnrichedEvent, EnrichedField } from './enriched/enriched-fields';
export { ENRICHED_FIELDS } from './enriched/enriched-fields';
export type { BadEvent, CollectorPayloadView } from './events/bad-event';
export type { GoodEvent } from './events/good-event';
export type { ApiRoute, PayloadContext, PayloadSource, RawEvent } from './events/raw-event';
export type { CookieOptions } from './http/cookie-options';
export type { IngestResult } from './ingest';
export type { CollectorRequest } from './pipeline/collector-request';
export type { ResolvedOptions } from './resolve-options';
export type { Collector } from './start-collector';
export { startCollector } from './start-collector';
export type {
  BadEventFilter,
  EventCounts,
  GoodEventFilter,
} from './storage/event-storage';
