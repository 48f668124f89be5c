import { join } from 'node:path';
import { DiskStoreError } from '../errors/disk-store-error';
import type { DiskFs } from './disk-fs';
import {
  ACK_LOG,
  ACK_MAGIC,
  type EventRecordBody,
  parseAckBody,
  parseEventBody,
  quarantineName,
  SEGMENT_MAGIC,
  segmentFirstSeq,
} from './queue-files';
import { readOrQuarantine } from './read-or-quarantine';
import {
  type DecodedFile,
  decodeFile,
  RECORD_ACK,
  RECORD_EVENT,
  RECORD_HEADER_BYTES,
} from './record-codec';

/** A segment file that still holds unacknowledged events. */
export interface RecoveredSegment {
  readonly firstSeq: number;
  readonly path: string;
  /** Bytes up to the end of the last intact record. */
  readonly size: number;
  /** Events not acknowledged yet. */
  readonly live: number;
  /** Sequence numbers of its events that are acknowledged (kept in the compacted ack log). */
  readonly acked: number[];
}

/** An unacknowledged event found on disk. */
export interface RecoveredEvent {
  readonly body: EventRecordBody;
  /** Where its record is; absent for events salvaged from a quarantined file. */
  readonly location?: { readonly segment: RecoveredSegment; offset: number; length: number };
}

/** What a queue directory held when it was opened. */
export interface RecoveredQueue {
  readonly segments: RecoveredSegment[];
  /** Events in intact segments, in queue order. */
  readonly events: RecoveredEvent[];
  /** Events salvaged from quarantined segments; they must be written again. */
  readonly salvaged: RecoveredEvent[];
  /** Above every sequence number on disk, including those the ack log mentions. */
  readonly nextSeq: number;
}

interface ParsedEvent {
  readonly body: EventRecordBody;
  readonly offset: number;
  readonly length: number;
}

// Damage between two intact records is measured exactly by the gap in their sequence numbers
// (a segment's sequence numbers are consecutive). Damage at the end of a file is estimated from
// the average record size.
function countUnreadable(decoded: DecodedFile, parsed: ParsedEvent[], firstSeq: number) {
  const average = parsed.length
    ? parsed.reduce((sum, p) => sum + p.length, 0) / parsed.length
    : 512;
  let count = decoded.records.length - parsed.length;
  let estimated = false;
  for (const stretch of decoded.damaged) {
    const prev = parsed.filter((p) => p.offset < stretch.start).at(-1);
    const next = parsed.find((p) => p.offset >= stretch.end);
    if (next) {
      count += Math.max(0, next.body.s - (prev ? prev.body.s : firstSeq - 1) - 1);
    } else {
      estimated = true;
      count += Math.max(1, Math.ceil((stretch.end - stretch.start) / average));
    }
  }
  return { count, estimated };
}

function readAckLog(fs: DiskFs, dir: string, names: Set<string>, report: Reporter): Set<number> {
  const acked = new Set<number>();
  if (!names.has(ACK_LOG)) return acked;
  const path = join(dir, ACK_LOG);
  const bytes = readOrQuarantine(fs, dir, ACK_LOG, names, report);
  if (bytes === undefined) return acked;
  const decoded = decodeFile(bytes, ACK_MAGIC);
  let unreadable = 0;
  for (const record of decoded.records) {
    const seqs = record.type === RECORD_ACK ? parseAckBody(record.body) : undefined;
    if (seqs) for (const s of seqs) acked.add(s);
    else unreadable++;
  }
  if (decoded.damaged.length > 0 || unreadable > 0) {
    const quarantinedAs = quarantineName(dir, ACK_LOG, names);
    fs.renameSync(path, quarantinedAs);
    const estimate = unreadable + decoded.damaged.length;
    report(
      new DiskStoreError(
        'quarantined',
        `ack log ${path} was damaged (about ${estimate} unreadable records); moved to ` +
          `${quarantinedAs}. Events whose acknowledgement was lost will be sent again.`,
        { file: path, quarantinedAs, unreadableRecords: estimate, estimated: true },
      ),
    );
  }
  return acked;
}

type Reporter = (error: DiskStoreError) => void;

// Above the sequence numbers a segment file can hold: every record takes at least its header.
// When even its size is unknown, a gap far beyond any segment keeps numbers apart all the same.
function seqCeiling(fs: DiskFs, path: string, firstSeq: number): number {
  try {
    return firstSeq + Math.ceil(fs.statSync(path).size / RECORD_HEADER_BYTES);
  } catch {
    return firstSeq + 2 ** 32;
  }
}

/**
 * Reads a queue directory after a start or a crash: replays the ack log over the segment files,
 * skips a torn last record (truncating it away), quarantines damaged files while salvaging their
 * intact events, and deletes segments with nothing left to send.
 *
 * @param fs - the file-system seam.
 * @param dir - the queue directory, already locked.
 * @param report - receives a {@link DiskStoreError} for each quarantined file.
 * @returns the unacknowledged events and the segments that hold them.
 */
export function recoverQueue(fs: DiskFs, dir: string, report: Reporter): RecoveredQueue {
  const names = new Set(fs.readdirSync(dir).map(String));
  const acked = readAckLog(fs, dir, names, report);
  let maxSeq = -1;
  for (const s of acked) if (s > maxSeq) maxSeq = s;
  const segments: RecoveredSegment[] = [];
  const events: RecoveredEvent[] = [];
  const salvaged: RecoveredEvent[] = [];
  const segmentNames = [...names].filter((n) => segmentFirstSeq(n) !== undefined).sort();
  for (const name of segmentNames) {
    const firstSeq = segmentFirstSeq(name)!;
    const path = join(dir, name);
    maxSeq = Math.max(maxSeq, firstSeq);
    const ceiling = seqCeiling(fs, path, firstSeq);
    const bytes = readOrQuarantine(fs, dir, name, names, report);
    if (bytes === undefined) {
      // Its events are unknown: new ones get higher numbers, so that acknowledgements of new
      // events can never apply to them if the file is put back by hand.
      maxSeq = Math.max(maxSeq, ceiling);
      continue;
    }
    const decoded = decodeFile(bytes, SEGMENT_MAGIC);
    const parsed: ParsedEvent[] = [];
    for (const record of decoded.records) {
      const body = record.type === RECORD_EVENT ? parseEventBody(record.body) : undefined;
      if (body) parsed.push({ body, offset: record.offset, length: record.length });
    }
    for (const p of parsed) if (p.body.s > maxSeq) maxSeq = p.body.s;
    const live = parsed.filter((p) => !acked.has(p.body.s));
    if (decoded.damaged.length > 0 || parsed.length < decoded.records.length) {
      const quarantinedAs = quarantineName(dir, name, names);
      fs.renameSync(path, quarantinedAs);
      const { count, estimated } = countUnreadable(decoded, parsed, firstSeq);
      for (const p of live) salvaged.push({ body: p.body });
      report(
        new DiskStoreError(
          'quarantined',
          `queue file ${path} was damaged: ${estimated ? 'about ' : ''}${count} unreadable ` +
            `records; moved to ${quarantinedAs}; ${live.length} intact unsent events kept`,
          {
            file: path,
            quarantinedAs,
            unreadableRecords: count,
            estimated,
            recoveredRecords: live.length,
          },
        ),
      );
      continue;
    }
    const segment: RecoveredSegment = {
      firstSeq,
      path,
      size: decoded.validEnd,
      live: live.length,
      acked: parsed.filter((p) => acked.has(p.body.s)).map((p) => p.body.s),
    };
    if (segment.live === 0) {
      fs.unlinkSync(path);
      continue;
    }
    if (decoded.tornTail) {
      const fd = fs.openSync(path, 'r+');
      try {
        fs.ftruncateSync(fd, decoded.validEnd);
      } finally {
        fs.closeSync(fd);
      }
    }
    segments.push(segment);
    for (const p of live) {
      events.push({ body: p.body, location: { segment, offset: p.offset, length: p.length } });
    }
  }
  return { segments, events, salvaged, nextSeq: maxSeq + 1 };
}
