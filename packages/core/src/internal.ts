// `@floe/core/internal`: what sibling Floe packages (the Node, browser and edge adapters) and the
// test suites need from core beyond its public index. Not a stable API: the adapters pin core to
// the exact same version, and nothing here is documented for apps.
export type {
  ConditionalContext,
  ContextGenerator,
  ContextPrimitive,
  SchemaRuleSet,
} from './contexts/global-context';
export { createAdapterEmitter } from './emitter/create-adapter-emitter';
export type { AdapterEmitterOptions, BackoffOptions } from './emitter/emitter-options';
export { MAX_GET_PATH_BYTES } from './emitter/get-query';
export { ENVELOPE_BYTES, PAYLOAD_DATA_SCHEMA, POST_CONTENT_TYPE } from './emitter/post-body';
export { DEFAULT_MAX_BATCH_EVENTS, DEFAULT_MAX_IN_FLIGHT } from './emitter/resolve-emitter-options';
export { NEVER_RETRY_STATUS_CODES, RETRY_AFTER_ALLOWANCE } from './emitter/retry-rules';
export { DEFAULT_SHUTDOWN_TIMEOUT_MS } from './emitter/shutdown';
export type { TimerHandle } from './platform/clock';
export { createSystemClock } from './platform/system-clock';
export type { FieldValue } from './protocol/core-event';
export { LARGE_EVENT_BYTES, MAX_EVENT_BYTES } from './protocol/event-size';
export { PAYLOAD_DATA_KEYS, TRACKER_KEYS } from './protocol/payload-keys';
export type { MemoryEventStore, MemoryStoreOptions } from './store/memory-store';
export type { Dimensions } from './subject/subject-fields';
export type { TrackerAdapter } from './tracker/tracker-options';
export { type FetchTransportOptions, MAX_RESPONSE_BYTES } from './transport/fetch-transport';
export type { FetchFunction, FetchInit, FetchResponseLike } from './transport/fetch-types';
export type { AbortSignalLike } from './transport/transport';
export { SchemaValidationError } from './validation/schema-validation-error';
export type { SchemaIssue } from './validation/validation-options';
