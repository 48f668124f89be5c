import type { BadEvent } from '../events/bad-event';
import type { RawEvent } from '../events/raw-event';
import type { ProcessingConfig } from '../pipeline/processing-config';
import type { RequestContext } from '../pipeline/request-context';
import { toIsoTimestamp } from '../util/timestamps';
import { type BadRow, type BadRowType, badRowSchemaUri } from './bad-row';
import { capFailureMessage } from './cap-failure-message';
import { createCollectorPayloadView } from './collector-payload';
import { capMessages } from './failure-limits';
import type { FailureMessage } from './failure-message';

const REQUEST_LEVEL =
  'Error while extracting event(s) from collector payload and validating it/them.';
const EVENT_LEVEL = 'Error while validating the event.';

/** The parts of a bad row that differ between types. */
export interface BadRowContent {
  readonly type: BadRowType;
  /**
   * `failure` without `timestamp` (added here); `messages` are capped here, in number
   * (`MAX_FAILURE_MESSAGES`) and in their fields' lengths.
   */
  readonly failure: Readonly<Record<string, unknown>> & {
    readonly messages?: readonly FailureMessage[];
  };
  readonly payload: unknown;
}

/**
 * Wraps a failure into a bad row and a Micro BadEvent (local-collector.md §7.2).
 *
 * @param ctx - the request context
 * @param config - processing configuration (processor, clock)
 * @param content - the bad-row type, failure and payload
 * @param rawEvent - the raw event for per-event failures, `null` for request-level ones
 */
export function createBadEvent(
  ctx: RequestContext,
  config: ProcessingConfig,
  content: BadRowContent,
  rawEvent: RawEvent | null,
): BadEvent {
  const { messages, ...rest } = content.failure;
  const failure = {
    timestamp: toIsoTimestamp(config.clock()),
    ...rest,
    ...(messages ? { messages: capMessages(messages).map(capFailureMessage) } : {}),
  };
  const badRow: BadRow = {
    schema: badRowSchemaUri(content.type),
    data: {
      processor: { artifact: config.processorName, version: config.processorVersion },
      failure,
      payload: content.payload,
    },
  };
  return {
    collectorPayload: createCollectorPayloadView(ctx, content.type !== 'size_violation'),
    rawEvent,
    errors: [rawEvent ? EVENT_LEVEL : REQUEST_LEVEL, JSON.stringify(badRow)],
    badRow,
  };
}
