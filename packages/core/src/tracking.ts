// Public exports of the tracking half of core: tracker, subject, track functions, global contexts,
// plugins and the tracker protocol types they speak.
export type { GlobalContext } from './contexts/global-context';
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
export type { TrackerPlugin } from './plugins/tracker-plugin';
export type { CoreEvent } from './protocol/core-event';
export { type IgluUri, isIgluUri } from './protocol/iglu-uri';
export type { EventType, Payload } from './protocol/payload';
export type { Platform } from './protocol/platform-code';
export type { SelfDescribingJson } from './protocol/self-describing-json';
export type { TrackedEvent } from './protocol/tracked-event';
export type { SubjectFields } from './subject/subject-fields';
export { createTracker } from './tracker/create-tracker';
export type { TrackOptions } from './tracker/track-options';
export type { Tracker, TrackerStats } from './tracker/tracker';
export type { TrackerOptions } from './tracker/tracker-options';
export type {
  SchemaValidator,
  SchemaViolation,
  ValidationOptions,
} from './validation/validation-options';
