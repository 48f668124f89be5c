import type { FloeError } from '../errors/floe-error';
import type { DropReason, DropReport } from '../protocol/drop-report';
import type { Payload } from '../protocol/payload';
import type { QueuedPayload } from '../store/event-store';
import { eidsOf } from './batch';

/**
 * The report `onDrop` gets for queued events. Its `events` are parsed from the queued texts when
 * first read, then kept: an `onDrop` that only counts (a burst past the queue's cap evicts
 * thousands of events inside `track()`) pays nothing for them.
 */
export function createDropReport(
  reason: DropReason,
  events: readonly QueuedPayload[],
  detail: { readonly status?: number; readonly error?: FloeError } = {},
): DropReport {
  let payloads: readonly Payload[] | undefined;
  return {
    reason,
    eids: eidsOf(events),
    get events() {
      payloads ??= events.map((event) => JSON.parse(event.json) as Payload);
      return payloads;
    },
    ...detail,
  };
}
