import { describeFailureMessage, type FailureMessage } from '../badrows/failure-message';
import type { BadEvent } from '../events/bad-event';
import type { GoodEvent } from '../events/good-event';
import type { StoredItem, StoredKind } from '../storage/event-storage';

/** One row of the web UI's event list. */
export interface UiItem {
  readonly seq: number;
  readonly kind: StoredKind;
  readonly receivedAt: number;
  readonly eventType: string | null;
  /** The event schema (good) or every schema a bad row names. */
  readonly schemas: readonly string[];
  readonly appId: string | null;
  readonly eventId: string | null;
  /** Bad-row type for bad events. */
  readonly badRowType: string | null;
  /** Readable validation errors (empty for valid events). */
  readonly errors: readonly string[];
  readonly value: GoodEvent | BadEvent;
}

function badRowErrors(bad: BadEvent): string[] {
  const failure = bad.badRow.data.failure as Record<string, unknown>;
  const messages = failure['messages'] as FailureMessage[] | undefined;
  if (messages) return messages.flatMap(describeFailureMessage);
  const message = failure['message'] as { expectation?: string; error?: string } | undefined;
  const text = failure['expectation'] ?? message?.expectation ?? message?.error;
  return typeof text === 'string' ? [text] : [];
}

function incompleteErrors(good: GoodEvent): string[] {
  const derived = good.event['derived_contexts'] as {
    data?: { data: { errors?: { message?: string; source?: string }[] } }[];
  };
  return (derived.data ?? []).flatMap((entity) =>
    (entity.data.errors ?? []).map((e) => `${e.source ? `${e.source}: ` : ''}${e.message ?? ''}`),
  );
}

function schemaKeys(bad: BadEvent): string[] {
  const messages = (bad.badRow.data.failure as { messages?: FailureMessage[] }).messages ?? [];
  const keys = messages.flatMap((m) => ('schemaKey' in m ? [m.schemaKey] : []));
  return [...new Set(keys)];
}

/**
 * Summarises a stored item for the UI list (the full value rides along for the JSON panel).
 *
 * @param item - a stored item
 */
export function toUiItem(item: StoredItem): UiItem {
  if (item.kind === 'bad') {
    const bad = item.value as BadEvent;
    const params = bad.rawEvent?.parameters;
    return {
      seq: item.seq,
      kind: item.kind,
      receivedAt: item.receivedAt,
      eventType: null,
      schemas: schemaKeys(bad),
      appId: params?.['aid'] ?? null,
      eventId: params?.['eid'] ?? null,
      badRowType: bad.badRow.schema.split('/')[1] ?? null,
      errors: badRowErrors(bad),
      value: bad,
    };
  }
  const good = item.value as GoodEvent;
  return {
    seq: item.seq,
    kind: item.kind,
    receivedAt: item.receivedAt,
    eventType: good.eventType,
    schemas: good.schema ? [good.schema] : [],
    appId: (good.event['app_id'] as string | null) ?? null,
    eventId: (good.event['event_id'] as string | null) ?? null,
    badRowType: null,
    errors: good.incomplete ? incompleteErrors(good) : [],
    value: good,
  };
}
