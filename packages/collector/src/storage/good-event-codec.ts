import {
  createEmptyEnrichedEvent,
  type EnrichedEvent,
  type EnrichedField,
} from '../enriched/enriched-fields';
import type { GoodEvent } from '../events/good-event';
import type { RawEvent } from '../events/raw-event';
import { processEvent } from '../pipeline/process-event';
import type { ProcessingConfig } from '../pipeline/processing-config';
import type { RequestContext } from '../pipeline/request-context';
import type { SchemaRegistry } from '../schemas/schema-registry';

/** What every event of one request shares: stored once per request. */
export interface SharedRequest
  extends Pick<RawEvent, 'api' | 'contentType' | 'source' | 'context'> {
  /** Processor name and version that produced the events (`v_collector`, `v_etl`). */
  readonly processor: { readonly name: string; readonly version: string };
}

/**
 * The stored form of an event. A valid event keeps only its parameters, its processing time and
 * (when the collector made one up) its event id: the rest is a pure function of those and its
 * request, so it is rebuilt on read by replaying the pipeline. Writes stay small and cheap, which
 * is what ingestion speed depends on. Incomplete events are kept whole (`f`, nulls left out).
 */
type StoredGoodEvent =
  | { readonly p: RawEvent['parameters']; readonly x: string; readonly g?: string }
  | {
      readonly p: RawEvent['parameters'];
      readonly f: {
        t: string | null;
        s: string | null;
        c: readonly string[];
        e: Record<string, unknown>;
      };
    };

/**
 * The shared part of a request's events as JSON.
 *
 * @param event - any GoodEvent of the request
 * @param processor - processor name and version
 */
export function encodeSharedRequest(
  event: GoodEvent,
  processor: SharedRequest['processor'],
): string {
  const { api, contentType, source, context } = event.rawEvent;
  const shared: SharedRequest = { api, contentType, source, context, processor };
  return JSON.stringify(shared);
}

/**
 * A GoodEvent in its stored form.
 *
 * @param event - the event
 */
export function encodeGoodEvent(event: GoodEvent): string {
  const p = event.rawEvent.parameters;
  if (!event.incomplete) {
    const id = event.event['event_id'] as string;
    const stored =
      p['eid'] === id
        ? { p, x: event.event['etl_tstamp'] }
        : { p, x: event.event['etl_tstamp'], g: id };
    return JSON.stringify(stored);
  }
  const e: Record<string, unknown> = {};
  for (const field in event.event) {
    const value = event.event[field as EnrichedField];
    if (value !== null) e[field] = value;
  }
  return JSON.stringify({ p, f: { t: event.eventType, s: event.schema, c: event.contexts, e } });
}

/** Replays accept every schema: a stored valid event was validated when it arrived. */
const TRUSTING_REGISTRY: SchemaRegistry = {
  roots: [],
  validate: () => undefined,
  resolve: () => {
    throw new Error('not used in replay');
  },
  atomicMaxLengths: () => ({ fields: [], maxLengths: [] }),
  reload: () => {},
};

/**
 * Rebuilds a GoodEvent from its stored form and its request's shared part.
 *
 * @param text - from `encodeGoodEvent`
 * @param shared - the parsed shared part of its request
 * @param receivedAt - the request's collector time (epoch ms)
 */
export function decodeGoodEvent(
  text: string,
  shared: SharedRequest,
  receivedAt: number,
): GoodEvent {
  const stored = JSON.parse(text) as StoredGoodEvent;
  const rawEvent: RawEvent = {
    api: shared.api,
    parameters: stored.p,
    contentType: shared.contentType,
    source: shared.source,
    context: shared.context,
  };
  if ('f' in stored) {
    const event: EnrichedEvent = createEmptyEnrichedEvent();
    for (const field in stored.f.e) event[field as EnrichedField] = stored.f.e[field];
    return {
      rawEvent,
      eventType: stored.f.t,
      schema: stored.f.s,
      contexts: stored.f.c,
      event,
      incomplete: true,
    };
  }
  const etl = Date.parse(stored.x);
  const config: ProcessingConfig = {
    processorName: shared.processor.name,
    processorVersion: shared.processor.version,
    clock: () => etl,
    idSource: () => stored.g ?? '',
    cookieName: null,
    maxPayloadSize: Number.POSITIVE_INFINITY,
    maxJsonDepth: Number.POSITIVE_INFINITY,
    registry: TRUSTING_REGISTRY,
  };
  const ctx: RequestContext = {
    method: 'POST',
    api: shared.api,
    query: { ok: true, params: [] },
    receivedAt,
    contentType: shared.contentType,
    body: null,
    bodyText: null,
    anonymous: false,
    cookieValue: null,
    source: shared.source,
    context: shared.context,
  };
  const { good } = processEvent(stored.p, ctx, config);
  return { ...good, rawEvent };
}
