import { isDeepStrictEqual } from 'node:util';
import type { DeliveryLog, LoggedEvent } from './request-log';

/** Inputs of {@link checkInvariants}. */
export interface InvariantInput {
  /** Every event handed to the emitter (or tracked), without `stm`. */
  readonly tracked: readonly Readonly<Record<string, string>>[];
  /** Everything `onDrop` reported. */
  readonly dropped: readonly { readonly eids: readonly string[] }[];
  /** Eids a durable queue still holds (kept for the next start, not lost). */
  readonly pending?: readonly string[];
  /** The collector(s) that received the events (several when a redirect moved them). */
  readonly server: DeliveryLog | readonly DeliveryLog[];
  /** Largest batch an ambiguous attempt can duplicate; default: the largest request seen. */
  readonly batchSize?: number;
  /** Bodies the pipeline would reject are a failure unless allowed (D-row tests). */
  readonly allowBadRows?: boolean;
}

/** What {@link checkInvariants} found when every invariant held. */
export interface InvariantReport {
  readonly tracked: number;
  readonly received: number;
  readonly duplicates: number;
  readonly ambiguous: number;
  readonly dropped: number;
}

interface Copy {
  readonly event: LoggedEvent;
  readonly ambiguous: boolean;
}

function withoutStm(payload: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { stm: _stm, ...rest } = payload;
  return rest;
}

/**
 * Checks I1–I5 of reliability.md §2 against the collector's request log and throws an Error
 * listing every violation:
 * - I1 no loss: every tracked event not reported dropped (or still in a durable queue) was received;
 * - I2 duplicates only from ambiguous attempts, at most A × batch size;
 * - I3 every copy equals the tracked event except `stm`;
 * - I4 each attempt carries one `stm` (digits, ms) that never goes back on a later attempt and is
 *   new on every attempt made at least 2 ms after the previous one;
 * - I5 `eid` and `dtm` unchanged.
 * Nothing unknown may arrive, and no body may be one the pipeline rejects.
 *
 * @example
 * checkInvariants({ tracked, dropped, server });
 */
export function checkInvariants(input: InvariantInput): InvariantReport {
  const logs = Array.isArray(input.server)
    ? (input.server as readonly DeliveryLog[])
    : [input.server as DeliveryLog];
  const problems: string[] = [];
  const tracked = new Map(input.tracked.map((payload) => [payload['eid'] as string, payload]));
  const dropped = new Set(input.dropped.flatMap((report) => report.eids));
  const pending = new Set(input.pending ?? []);
  const copies = new Map<string, Copy[]>();
  const attempts = new Map<string, { stm: string | undefined; at: number }[]>();
  let ambiguous = 0;
  let largest = 0;
  for (const log of logs) {
    for (const entry of log.requests) {
      if (entry.ambiguous) ambiguous++;
      largest = Math.max(largest, entry.events.length);
      if (entry.badRow && !input.allowBadRows) {
        problems.push(`request ${entry.seq} would be a bad row: ${entry.badRow}`);
      }
      const stms = new Set(entry.events.map((event) => event.stm));
      if (stms.size > 1) problems.push(`I4: request ${entry.seq} mixes stm values`);
      for (const event of entry.events) {
        if (!event.stm || !/^\d+$/.test(event.stm)) {
          problems.push(`I4: event ${event.eid} in request ${entry.seq} has stm ${event.stm}`);
        }
        const seen = attempts.get(event.eid) ?? [];
        seen.push({ stm: event.stm, at: entry.arrivedAt });
        attempts.set(event.eid, seen);
        if (!entry.committed) continue;
        const list = copies.get(event.eid) ?? [];
        list.push({ event, ambiguous: entry.ambiguous });
        copies.set(event.eid, list);
      }
    }
  }
  for (const [eid, payload] of tracked) {
    if (!dropped.has(eid) && !pending.has(eid) && !copies.has(eid)) {
      problems.push(`I1: ${eid} neither received, dropped nor still queued`);
    }
    for (const { event } of copies.get(eid) ?? []) {
      if (event.payload['dtm'] !== payload['dtm']) problems.push(`I5: ${eid} dtm changed`);
      if (!isDeepStrictEqual(withoutStm(event.payload), withoutStm(payload))) {
        problems.push(`I3: a copy of ${eid} differs from the tracked event`);
      }
    }
  }
  let duplicates = 0;
  for (const [eid, list] of copies) {
    if (!tracked.has(eid)) problems.push(`received ${eid}, which was never tracked`);
    if (list.length < 2) continue;
    duplicates += list.length - 1;
    const fromAmbiguous = list.filter((copy) => copy.ambiguous).length;
    if (fromAmbiguous < list.length - 1) {
      problems.push(`I2: ${eid} arrived ${list.length} times, only ${fromAmbiguous} ambiguous`);
    }
  }
  const bound = ambiguous * (input.batchSize ?? largest);
  if (duplicates > bound) problems.push(`I2: ${duplicates} duplicates > ${ambiguous} × batch size`);
  for (const [eid, seen] of attempts) {
    for (let i = 1; i < seen.length; i++) {
      const before = seen[i - 1] as { stm: string | undefined; at: number };
      const now = seen[i] as { stm: string | undefined; at: number };
      const gap = now.at - before.at;
      if (Number(now.stm) < Number(before.stm) || (gap >= 2 && now.stm === before.stm)) {
        problems.push(`I4: ${eid} reused or rewound stm ${now.stm} on a later attempt`);
      }
    }
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 20).join('\n  ');
    const more = problems.length > 20 ? `\n  …and ${problems.length - 20} more` : '';
    throw new Error(`reliability invariants violated:\n  ${shown}${more}`);
  }
  return {
    tracked: tracked.size,
    received: copies.size,
    duplicates,
    ambiguous,
    dropped: dropped.size,
  };
}
