// @floe/core's public API: the tracker and its track functions, the emitter, the memory store and
// the fetch transport, and the contracts between them. Fifty names at most (issue 13); what the
// sibling adapters and the tests need beyond them is in `@floe/core/internal`.

export type { GlobalContext } from './contexts/global-context';
export { createEmitter } from './emitter/create-emitter';
export type { Emitter, FlushOptions } from './emitter/emitter';
export type { EmitterOptions, SendFailure, SendSuccess } from './emitter/emitter-options';
export { FloeError, type FloeErrorCode } from './errors/floe-error';
export { TransportError } from './errors/transport-error';
export { type PagePing, trackPagePing } from './events/track-page-ping';
export { type PageView, trackPageView } from './events/track-page-view';
export {
  trackSelfDescribingEvent,
  trackUnstructEvent,
} from './events/track-self-describing-event';
export { type StructEvent, trackStructEvent } from './events/track-struct-event';
export {
  type Transaction,
  type TransactionItem,
  trackTransaction,
} from './events/track-transaction';
export type { Clock } from './platform/clock';
export type { TrackerPlugin } from './plugins/tracker-plugin';
export type { CoreEvent } from './protocol/core-event';
export type { DropReason, DropReport, FlushResult } from './protocol/drop-report';

export { type IgluUri, isIgluUri } from './protocol/iglu-uri';
export type { EventType, Payload } from './protocol/payload';
export type { Platform } from './protocol/platform-code';
export type { SelfDescribingJson } from './protocol/self-describing-json';
export type { TrackedEvent } from './protocol/tracked-event';
export type { EventStore, QueuedPayload } from './store/event-store';
export { createMemoryStore } from './store/memory-store';
export type { SubjectFields } from './subject/subject-fields';
export { createTracker } from './tracker/create-tracker';
export type { TrackOptions } from './tracker/track-options';
export type { Tracker, TrackerStats } from './tracker/tracker';
export type { TrackerOptions } from './tracker/tracker-options';
export { makeFetchTransport } from './transport/fetch-transport';
export type { Transport, TransportRequest, TransportResponse } from './transport/transport';
export type {
  SchemaValidator,
  SchemaViolation,
  ValidationOptions,
} from './validation/validation-options';
