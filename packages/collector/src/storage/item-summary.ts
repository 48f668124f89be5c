import type { BadEvent } from '../events/bad-event';
import type { GoodEvent } from '../events/good-event';
import type { BadEventFilter, GoodEventFilter, StoredKind } from './event-storage';

/**
 * Whether a GoodEvent passes the `/micro/good` filters (limit aside).
 *
 * @param event - the event
 * @param filter - the filters
 */
export function matchesGoodFilter(event: GoodEvent, filter: GoodEventFilter): boolean {
  if (filter.event_type !== undefined && event.eventType !== filter.event_type) return false;
  if (filter.schema !== undefined && event.schema !== filter.schema) return false;
  if (filter.contexts && !filter.contexts.every((uri) => event.contexts.includes(uri)))
    return false;
  return true;
}

/**
 * Whether a BadEvent passes the `/micro/bad` filters (limit aside).
 *
 * @param event - the event
 * @param filter - the filters
 */
export function matchesBadFilter(event: BadEvent, filter: BadEventFilter): boolean {
  const { api } = event.collectorPayload;
  if (filter.vendor !== undefined && api.vendor !== filter.vendor) return false;
  if (filter.version !== undefined && api.version !== filter.version) return false;
  return true;
}

/**
 * The kind of a stored value.
 *
 * @param value - a GoodEvent or BadEvent
 */
export function kindOf(value: GoodEvent | BadEvent): StoredKind {
  if ('badRow' in value) return 'bad';
  return value.incomplete ? 'incomplete' : 'good';
}
