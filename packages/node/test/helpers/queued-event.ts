import type { QueuedPayload } from '@floe/core';

/** A queued event with a readable eid and a payload of about `size` bytes. */
export function queuedEvent(n: number, size = 40, queuedAt = 1_700_000_000_000 + n): QueuedPayload {
  const eid = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const payload = { e: 'se', eid, se_ca: 'c', se_ac: 'x'.repeat(Math.max(1, size - 90)) };
  const json = JSON.stringify(payload);
  return { eid, json, bytes: Buffer.byteLength(json), queuedAt };
}

/** Eids of events, for compact assertions. */
export function eidsOf(events: readonly QueuedPayload[]): string[] {
  return events.map((e) => e.eid);
}
