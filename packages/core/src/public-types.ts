// Types shared by the tracker and the emitter halves of core (the frozen interface of docs/api.md).
export type { DropReason, DropReport, FlushResult } from './protocol/drop-report';
export type { Emitter, FlushOptions } from './emitter/emitter';
export { FloeError, type FloeErrorCode } from './errors/floe-error';
export { type IgluUri, isIgluUri } from './protocol/iglu-uri';
export type { EventType, Payload } from './protocol/payload';
export { EncodedEvent } from './payload/encoded-event';
export type { Clock, TimerHandle } from './platform/clock';
export type { Platform } from './protocol/platform-code';
export type { SelfDescribingJson } from './protocol/self-describing-json';
export type { EventStore, QueuedEvent } from './store/event-store';
export type { TrackOptions } from './track-options';
export type { Dimensions, SubjectFields } from './tracker/subject-fields';
export type { CoreEvent, FieldValue, Tracker, TrackerStats } from './tracker/tracker';
export type { Transport, TransportRequest, TransportResponse } from './transport/transport';
export type {
  SchemaIssue,
  SchemaValidator,
  SchemaViolation,
  ValidationOptions,
} from './validation-options';
