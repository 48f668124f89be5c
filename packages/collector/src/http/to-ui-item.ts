import { describeFailureMessage, type FailureMessage } from '../badrows/failure-message';
import type { BadEvent } from '../events/bad-event';
import type { GoodEvent } from '../events/good-event';
import type { CollectorSpecs } from '../specs/collector-specs';
import { findSpecViolations } from '../specs/find-spec-violations';
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
  /** Readable validation errors (empty for valid events), the first `MAX_UI_ERRORS` of them. */
  readonly errors: readonly string[];
  /**
   * For a good event whose schema a known spec names: how it breaks its spec (`spec: message`
   * lines, `[]` when it fits); `null` when no spec names it.
   */
  readonly specViolations: readonly string[] | null;
  /**
   * The event itself, or `null` for a row too large to send whole: the UI then reads its JSON in
   * pages from `/micro/ui/api/item`.
   */
  readonly value: GoodEvent | BadEvent | null;
  /** The size of `value` as JSON, in bytes. */
  readonly valueBytes: number;
}

/** The most error lines one UI item carries; a last line counts the rest. */
export const MAX_UI_ERRORS = 100;

function capErrors(errors: string[]): string[] {
  if (errors.length <= MAX_UI_ERRORS) return errors;
  const rest = errors.length - MAX_UI_ERRORS;
  return [...errors.slice(0, MAX_UI_ERRORS), `… and ${rest} more`];
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

function specViolationLines(specs: CollectorSpecs | undefined, good: GoodEvent): string[] | null {
  const violations = specs ? findSpecViolations(specs, good) : undefined;
  if (violations === undefined) return null;
  return capErrors(
    violations.map(
      (v) => `${v.spec}: ${v.path && !v.message.includes(v.path) ? `${v.path} ` : ''}${v.message}`,
    ),
  );
}

/**
 * Summarises a stored item for the UI list. The full value rides along for the JSON panel
 * unless its JSON is over `inlineLimit` bytes.
 *
 * @param item - a stored item
 * @param inlineLimit - the largest value sent whole, in bytes of JSON
 * @param specs - event specifications to check good events against
 */
export function toUiItem(
  item: StoredItem,
  inlineLimit = Number.POSITIVE_INFINITY,
  specs?: CollectorSpecs,
): UiItem {
  const valueBytes = Buffer.byteLength(JSON.stringify(item.value));
  const value = valueBytes > inlineLimit ? null : item.value;
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
      errors: capErrors(badRowErrors(bad)),
      specViolations: null,
      value,
      valueBytes,
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
    errors: good.incomplete ? capErrors(incompleteErrors(good)) : [],
    specViolations: specViolationLines(specs, good),
    value,
    valueBytes,
  };
}
