export { type BadRowError, badRowErrors } from './bad-row-errors';
export { demoSucceeded } from './demo-succeeded';
export { eventSchemaOf } from './event-schema-of';
export { formatSummary } from './format-summary';
export { formatTable } from './format-table';
export {
  type BadEventReport,
  type CollectorReport,
  inspectCollector,
  type SchemaCount,
} from './inspect-collector';
export type {
  BadRow,
  MicroBadEvent,
  MicroCounts,
  MicroGoodEvent,
  MicroRawEvent,
} from './micro-types';
export { type DemoResult, type RunDemoOptions, runDemo } from './run-demo';
export { type StartDemoOptions, type StartedDemo, startDemo } from './start-demo';
export { type DemoTracking, type TrackedEvent, trackEverything } from './track-everything';
