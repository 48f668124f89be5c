import { createRawPayloadRecord } from '../badrows/collector-payload';
import { createBadEvent } from '../badrows/create-bad-event';
import { MAX_FAILURE_MESSAGES } from '../badrows/failure-limits';
import type { DataReport } from '../badrows/failure-message';
import { toBadRowEnriched } from '../enriched/to-bad-row-enriched';
import type { BadEvent } from '../events/bad-event';
import type { GoodEvent } from '../events/good-event';
import type { RawEvent } from '../events/raw-event';
import { ATOMIC_SCHEMA_URI } from '../schemas/schema-registry';
import { checkAtomicLengths } from './check-atomic-lengths';
import { createFailureEntity } from './create-failure-entity';
import { decodeJsonParam } from './decode-json-param';
import { deriveFields } from './derive-fields';
import type { EventFailure } from './event-failure';
import { mapAtomicFields } from './map-atomic-fields';
import type { ProcessingConfig } from './processing-config';
import type { RequestContext } from './request-context';
import { type ValidEntity, validateEntities } from './validate-entities';
import { validateUnstructEvent } from './validate-unstruct-event';

const CONTEXTS_ENVELOPE = 'iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-0';
const UNSTRUCT_ENVELOPE = 'iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0';

/** One event's outcome: always a GoodEvent (maybe incomplete), and a BadEvent when invalid. */
export interface ProcessedEvent {
  readonly good: GoodEvent;
  readonly bad: BadEvent | null;
}

function atomicFailure(
  reports: DataReport[],
  values: Readonly<Record<string, string>>,
): EventFailure {
  const data: Record<string, string | null> = {};
  for (const report of reports) {
    const key = report.targets?.[0];
    if (key) data[key] = values[key] ?? null;
  }
  return {
    message: {
      schemaKey: ATOMIC_SCHEMA_URI,
      error: { error: 'ValidationError', dataReports: reports },
    },
    source: 'atomic',
    schema: ATOMIC_SCHEMA_URI,
    data,
  };
}

const MISSING_UNSTRUCT: DataReport = {
  message: 'e=ue needs a self-describing event in ue_pr or ue_px, found neither',
  path: '/ue_pr',
  keyword: 'required',
  targets: ['ue_pr', 'ue_px'],
};

/**
 * Steps 8–13 for one event: atomic mapping, the self-describing event, the entities, atomic
 * lengths and derived fields. All of the event's failures go into one `schema_violations` bad
 * row, and the event is also kept as an incomplete GoodEvent (local-collector.md §5.2).
 *
 * @param params - the event's parameters (query parameters already merged in)
 * @param ctx - the request context
 * @param config - processing configuration
 */
export function processEvent(
  params: Readonly<Record<string, string>>,
  ctx: RequestContext,
  config: ProcessingConfig,
): ProcessedEvent {
  const { registry, maxJsonDepth } = config;
  const rawEvent: RawEvent = {
    api: ctx.api,
    parameters: params,
    contentType: ctx.contentType,
    source: ctx.source,
    context: ctx.context,
  };
  const { event, times, reports } = mapAtomicFields(params, ctx, config);
  const failures: EventFailure[] = reports.length > 0 ? [atomicFailure(reports, params)] : [];

  const ue = decodeJsonParam(params, 'ue_pr', 'ue_px', 'unstruct', maxJsonDepth);
  let eventSchema: string | null = null;
  if (!ue.present) {
    if (event['event'] === 'unstruct') {
      const error = { error: 'ValidationError' as const, dataReports: [MISSING_UNSTRUCT] };
      failures.push({
        message: { schemaKey: UNSTRUCT_ENVELOPE, error },
        source: 'unstruct',
        schema: null,
        data: null,
      });
    }
  } else if ('failure' in ue) failures.push(ue.failure);
  else {
    const result = validateUnstructEvent(ue.value, registry);
    failures.push(...result.failures);
    eventSchema = result.schema;
    if (result.event) event['unstruct_event'] = { schema: UNSTRUCT_ENVELOPE, data: result.event };
  }

  const co = decodeJsonParam(params, 'co', 'cx', 'contexts', maxJsonDepth);
  let entities: ValidEntity[] = [];
  if (co.present && 'failure' in co) failures.push(co.failure);
  else if (co.present) {
    const result = validateEntities(co.value, registry);
    failures.push(...result.failures);
    entities = result.entities;
  }
  event['contexts'] = entities.length > 0 ? { schema: CONTEXTS_ENVELOPE, data: entities } : {};

  const schema = deriveFields(event, eventSchema, times, ctx.receivedAt);
  const lengths = checkAtomicLengths(event, registry.atomicMaxLengths());
  if (lengths.reports.length > 0) failures.push(atomicFailure(lengths.reports, lengths.values));

  const incomplete = failures.length > 0;
  let bad: BadEvent | null = null;
  if (incomplete) {
    const payload = { raw: createRawPayloadRecord(ctx, params), enriched: toBadRowEnriched(event) };
    const messages = failures.map((f) => f.message);
    bad = createBadEvent(
      ctx,
      config,
      { type: 'schema_violations', failure: { messages }, payload },
      rawEvent,
    );
    const processor = { artifact: config.processorName, version: config.processorVersion };
    const timestamp = event['etl_tstamp'] as string;
    // As many failure entities as the bad row keeps messages; the bad row counts the rest.
    event['derived_contexts'] = {
      schema: CONTEXTS_ENVELOPE,
      data: failures
        .slice(0, MAX_FAILURE_MESSAGES)
        .map((f) => createFailureEntity(f, timestamp, processor)),
    };
  } else event['derived_contexts'] = {};
  const good: GoodEvent = {
    rawEvent,
    eventType: typeof event['event'] === 'string' ? event['event'] : null,
    schema,
    contexts: entities.map((e) => e.schema),
    event,
    incomplete,
  };
  return { good, bad };
}
