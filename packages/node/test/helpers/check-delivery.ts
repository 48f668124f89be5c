import type { SeenRequest } from './loopback';
import { eventsOf } from './tp2';

/** What {@link checkDelivery} found. */
export interface DeliveryReport {
  readonly received: Map<string, Record<string, string>[]>;
  readonly duplicates: number;
}

/**
 * Checks the invariants of reliability.md §2 that a request log can show: every tracked event not
 * reported dropped arrived (I1); duplicates stay within the bound (I2); every copy of an event
 * carries the same payload apart from `stm` (I3), and copies from different attempts carry
 * different `stm` values (I4).
 */
export function checkDelivery(options: {
  tracked: readonly string[];
  requests: readonly SeenRequest[];
  dropped?: readonly string[];
  maxDuplicates: number;
}): DeliveryReport {
  const received = new Map<string, Record<string, string>[]>();
  for (const request of options.requests) {
    if (request.method !== 'POST') continue;
    for (const event of eventsOf(request)) {
      const copies = received.get(event.eid!) ?? [];
      copies.push(event);
      received.set(event.eid!, copies);
    }
  }
  const dropped = new Set(options.dropped ?? []);
  const missing = options.tracked.filter((eid) => !dropped.has(eid) && !received.has(eid));
  expect({ missing: missing.length, sample: missing.slice(0, 3) }).toEqual({
    missing: 0,
    sample: [],
  });
  let duplicates = 0;
  for (const copies of received.values()) {
    duplicates += copies.length - 1;
    const [first, ...rest] = copies;
    const { stm: _stm, ...firstPayload } = first!;
    for (const copy of rest) {
      const { stm, ...payload } = copy;
      expect(payload).toEqual(firstPayload);
      expect(stm).not.toBe(first!.stm);
    }
  }
  expect(duplicates).toBeLessThanOrEqual(options.maxDuplicates);
  return { received, duplicates };
}
