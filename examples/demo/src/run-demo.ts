import type { FlushResult, SchemaViolation } from '@floe/core';
import { validators } from '@floe/events/validators';
import { createNodeTracker } from '@floe/node';
import { type CollectorReport, inspectCollector } from './inspect-collector';
import { type TrackedEvent, trackEverything } from './track-everything';

/** Options of {@link runDemo}. */
export interface RunDemoOptions {
  /** Base URL of a running collector, e.g. `http://127.0.0.1:9090`. */
  readonly collectorUrl: string;
  /**
   * Runs after the Node tracker has flushed and before the collector is read: `npm start` drives
   * the @floe/browser demo page in headless Chromium here. Resolves to the number of events it
   * sent and delivered (0 when it could not run), which then count as expected good events.
   */
  readonly browserDemo?: (collectorUrl: string) => Promise<number>;
}

/** What the demo did and what the collector made of it. */
export interface DemoResult {
  readonly collectorUrl: string;
  /** Every track call, in order, with the ids it returned. */
  readonly tracked: readonly TrackedEvent[];
  /** The id of the one event that was made invalid on purpose. */
  readonly invalidEventId: string;
  /** What the tracker's own (opt-in) validation found before sending. */
  readonly violations: readonly SchemaViolation[];
  readonly flush: FlushResult;
  /** Events the browser demo sent (0 when there was none, or no Chromium). */
  readonly browserEvents: number;
  readonly report: CollectorReport;
}

/**
 * The demo app: a Node tracker sends one of every event type to a collector, waits until all of
 * them are delivered, then reads back what the collector made of them.
 *
 * @example
 * const result = await runDemo({ collectorUrl: 'http://127.0.0.1:9090' });
 * console.log(result.report.counts); // { total: 21, good: 20, bad: 1 }
 */
export async function runDemo(options: RunDemoOptions): Promise<DemoResult> {
  const violations: SchemaViolation[] = [];
  const tracker = createNodeTracker({
    endpoint: options.collectorUrl,
    namespace: 'demo',
    appId: 'floe-demo',
    // The demo exits right after it is done, so nothing needs to survive a restart.
    queue: 'memory',
    // Development-time validation with the precompiled validators of @floe/events. A function
    // receives each violation and the event is still sent, so the collector's verdict shows too;
    // 'throw' suits tests, and production leaves `validate` out (and ships no validators).
    validate: { validators, onViolation: (violation) => violations.push(violation) },
  });
  const { tracked, invalidEventId } = trackEverything(tracker);
  // flush() resolves once every event queued so far is delivered or dropped; it never rejects.
  const flush = await tracker.flush();
  await tracker.shutdown();
  const browserEvents = (await options.browserDemo?.(options.collectorUrl)) ?? 0;
  const report = await inspectCollector(options.collectorUrl);
  return {
    collectorUrl: options.collectorUrl,
    tracked,
    invalidEventId,
    violations,
    flush,
    browserEvents,
    report,
  };
}
