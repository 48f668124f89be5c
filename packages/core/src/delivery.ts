// Public exports of the delivery half of core: emitter, stores, transports, retry policy.
export { createEmitter } from './emitter/create-emitter';
export type { EmitterOptions, SendFailure, SendSuccess } from './emitter/emitter-options';
export { MAX_GET_PATH_BYTES } from './emitter/get-path';
export {
  DEFAULT_POST_PATH,
  ENVELOPE_BYTES,
  PAYLOAD_DATA_SCHEMA,
  POST_CONTENT_TYPE,
} from './emitter/post-body';
export { MAX_EVENT_BYTES } from './emitter/prepare-event';
export { type BackoffOptions, computeBackoff } from './retry/backoff';
export { parseRetryAfter, RETRY_AFTER_MAX_MS, RETRY_AFTER_MIN_MS } from './retry/retry-after';
export { NEVER_RETRY_STATUS_CODES } from './retry/retry-policy';
export {
  createMemoryStore,
  DEFAULT_MEMORY_MAX_BYTES,
  DEFAULT_MEMORY_MAX_EVENTS,
  type MemoryEventStore,
  type MemoryStoreOptions,
} from './store/memory-store';
export { type FetchTransportOptions, makeFetchTransport } from './transport/fetch-transport';
export { MAX_RESPONSE_BYTES } from './transport/read-capped-body';
export type {
  AbortSignalLike,
  FetchBodyReader,
  FetchFunction,
  FetchInit,
  FetchResponseLike,
} from './transport/runtime-globals';
export { TransportError } from './transport/transport-error';
