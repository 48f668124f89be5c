// `@floe/core/internal`: what sibling Floe packages (the Node, browser and edge adapters) and the
// test suites need from core beyond its public index. Not a stable API: the adapters pin core to
// the exact same version, and nothing here is documented for apps.
export type {
  ConditionalContext,
  ContextGenerator,
  ContextPrimitive,
  SchemaRuleSet,
} from './contexts/global-context';
export type { TimerHandle } from './platform/clock';
export type { FieldValue } from './protocol/core-event';
export { LARGE_EVENT_BYTES, MAX_EVENT_BYTES } from './protocol/event-size';
export { PAYLOAD_DATA_KEYS, TRACKER_KEYS } from './protocol/payload-keys';
export type { Dimensions } from './subject/subject-fields';
export type { TrackerAdapter } from './tracker/tracker-options';
export { SchemaValidationError } from './validation/schema-validation-error';
export type { SchemaIssue } from './validation/validation-options';
