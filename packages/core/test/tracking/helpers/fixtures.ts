import {
  createTracker,
  type DropReport,
  type FloeError,
  type Payload,
  type Tracker,
  type TrackerOptions,
} from '@floe/core';
import packageJson from '../../../package.json';
import { createTestSink, type TestSink } from './test-sink';

/** The fixed wall clock of the tests: 2023-11-14T22:13:20.000Z. */
export const NOW = 1_700_000_000_000;

/** A clock whose time only moves when a test says so. */
export interface ManualClock {
  now(): number;
  set(ms: number): void;
}

/** @param start - the initial time in ms. */
export function createManualClock(start = NOW): ManualClock {
  let time = start;
  return {
    now: () => time,
    set: (ms) => {
      time = ms;
    },
  };
}

/** Deterministic UUID v4 strings: …-4000-8000-000000000001, …002, … */
export function createSequentialIds(): () => string {
  let next = 0;
  return () => {
    next += 1;
    return `00000000-0000-4000-8000-${next.toString(16).padStart(12, '0')}`;
  };
}

/** The n-th id of {@link createSequentialIds}. */
export const eid = (n: number): string =>
  `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** The `tv` of a tracker without an adapter, read the same way the tracker reads it. */
export const CORE_TV = `floe-core-${packageJson.version}`;

/** A tracker wired to a test sink, a manual clock and sequential ids, recording every report. */
export interface Harness {
  readonly tracker: Tracker;
  readonly sink: TestSink;
  readonly clock: ManualClock;
  readonly drops: DropReport[];
  readonly errors: FloeError[];
  /** The recorded payloads. */
  readonly payloads: Payload[];
}

/**
 * Creates a {@link Harness}.
 *
 * @param options - overrides of the tracker options.
 * @param method - the sink's pretend HTTP method.
 */
export function createHarness(
  options: Partial<TrackerOptions> = {},
  method?: 'GET' | 'POST',
): Harness {
  const sink = createTestSink(method);
  const clock = createManualClock();
  const drops: DropReport[] = [];
  const errors: FloeError[] = [];
  const tracker = createTracker({
    namespace: 'test',
    platform: 'srv',
    emitters: [sink],
    clock,
    generateEventId: createSequentialIds(),
    onDrop: (report) => drops.push(report),
    onError: (error) => errors.push(error),
    ...options,
  });
  return { tracker, sink, clock, drops, errors, payloads: sink.payloads };
}

/** Decodes unpadded base64url into text. */
export function fromBase64Url(value: string | undefined): string {
  return Buffer.from(value ?? '', 'base64url').toString('utf8');
}

/** Parses the JSON of a payload key (`ue_pr`, `co`) or of its base64url twin (`ue_px`, `cx`). */
export function decodeJson(payload: Payload | undefined, key: 'ue' | 'co'): unknown {
  if (payload === undefined) throw new Error('no payload');
  const plain = key === 'ue' ? payload['ue_pr'] : payload['co'];
  const encoded = key === 'ue' ? payload['ue_px'] : payload['cx'];
  if (plain !== undefined) return JSON.parse(plain);
  if (encoded !== undefined) return JSON.parse(fromBase64Url(encoded));
  return undefined;
}

/** Deep-freezes a value, so a builder that mutates it throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
