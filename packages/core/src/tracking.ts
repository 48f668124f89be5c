// Public exports of the tracking half of core: tracker, subject, track functions, global contexts
// and plugins.
export type {
  ConditionalContext,
  ContextGenerator,
  ContextPrimitive,
  GlobalContext,
  SchemaRuleSet,
} from './contexts/global-context';
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
export { EventTooLargeError } from './payload/event-too-large-error';
export { InvalidEventError } from './payload/invalid-event-error';
export { PAYLOAD_DATA_KEYS } from './payload/payload-keys';
export { createSystemClock } from './platform/system-clock';
export { PluginError } from './plugins/plugin-error';
export type { TrackerPlugin } from './plugins/tracker-plugin';
export { createTracker } from './tracker/create-tracker';

export type { TrackedEvent } from './tracker/tracked-event';
export { TrackerCallbackError } from './tracker/tracker-callback-error';
export { TrackerClosedError } from './tracker/tracker-closed-error';
export { TrackerConfigError } from './tracker/tracker-config-error';
export type { TrackerOptions } from './tracker/tracker-options';
export type { TrackerAdapter } from './tracker/tracker-version';
export { SchemaValidationError } from './validation/schema-validation-error';
