export { checkInvariants, type InvariantInput, type InvariantReport } from './check-invariants';
export { createDurableTestStore, type DurableTestStore } from './durable-test-store';
export { createFakeClock, type FakeClock } from './fake-clock';
export type { FaultAction, FaultMatch } from './fault-action';
export { CHROMIUM_PATH, launchChromium } from './launch-chromium';
export {
  expectNoLeakedHandles,
  type HandleSnapshot,
  snapshotHandles,
  type TimerCounter,
} from './leaked-handles';
export { ACCEPTED_CONTENT_TYPES, type ParsedRequest, parseGet, parsePost } from './parse-events';
export { type PayloadDataCheck, validatePayloadData } from './payload-data-validator';
export { findRepoRoot } from './repo-root';
export {
  committedEids,
  type DeliveryLog,
  type LoggedEvent,
  type RequestLogEntry,
  type SentStatus,
} from './request-log';
export {
  createScriptedTransport,
  type ScriptedReply,
  type ScriptedTransport,
} from './scripted-transport';
export {
  type BadRow,
  type FaultServer,
  type FaultServerOptions,
  startFaultServer,
} from './start-fault-server';
export { type RedirectServerOptions, startRedirectServer } from './start-redirect-server';
export { tlsFixture } from './tls-fixture';
export { createTrackedClock, type TrackedClock } from './tracked-clock';
export { waitFor } from './wait-for';
