import { type BadRowError, badRowErrors } from './bad-row-errors';
import { eventSchemaOf } from './event-schema-of';
import type { MicroBadEvent, MicroCounts, MicroGoodEvent } from './micro-types';

/** Good and bad events of one schema. */
export interface SchemaCount {
  readonly schema: string;
  readonly good: number;
  readonly bad: number;
}

/** One bad event with the schema it belongs to and its readable errors. */
export interface BadEventReport {
  /** The event id, or `undefined` for request-level failures. */
  readonly eventId: string | undefined;
  readonly schema: string;
  readonly errors: readonly BadRowError[];
}

/** What a collector holds, read through its Micro-compatible inspection API. */
export interface CollectorReport {
  readonly counts: MicroCounts;
  /** Per schema, sorted by URI. */
  readonly schemas: readonly SchemaCount[];
  readonly bad: readonly BadEventReport[];
  /** The raw good events, newest first, for callers that want to look closer. */
  readonly goodEvents: readonly MicroGoodEvent[];
}

/**
 * Reads `/micro/all`, `/micro/good` and `/micro/bad` from a collector and counts good and bad
 * events per schema. Works against Floe's local collector and Snowplow Micro alike.
 *
 * @param collectorUrl - base URL, e.g. `http://127.0.0.1:9090`.
 * @example
 * const report = await inspectCollector('http://127.0.0.1:9090');
 * console.log(report.counts.good, report.bad[0]?.errors[0]?.message);
 */
export async function inspectCollector(collectorUrl: string): Promise<CollectorReport> {
  const base = collectorUrl.replace(/\/+$/, '');
  const [counts, goodEvents, badEvents] = await Promise.all([
    getJson<MicroCounts>(`${base}/micro/all`),
    getJson<MicroGoodEvent[]>(`${base}/micro/good`),
    getJson<MicroBadEvent[]>(`${base}/micro/bad`),
  ]);
  const perSchema = new Map<string, { good: number; bad: number }>();
  const entry = (schema: string) => {
    const found = perSchema.get(schema) ?? { good: 0, bad: 0 };
    perSchema.set(schema, found);
    return found;
  };
  for (const good of goodEvents) entry(good.schema ?? '(no schema)').good += 1;
  const bad = badEvents.map((event): BadEventReport => {
    const schema =
      event.rawEvent === null
        ? `(request: ${requestFailure(event)})`
        : eventSchemaOf(event.rawEvent);
    entry(schema).bad += 1;
    return { eventId: event.rawEvent?.parameters.eid, schema, errors: badRowErrors(event) };
  });
  const schemas = [...perSchema]
    .map(([schema, count]) => ({ schema, ...count }))
    .sort((a, b) => (a.schema < b.schema ? -1 : a.schema > b.schema ? 1 : 0));
  return { counts, schemas, bad, goodEvents };
}

function requestFailure(event: MicroBadEvent): string {
  return badRowErrors(event)[0]?.type ?? 'unknown';
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return (await response.json()) as T;
}
