import { join } from 'node:path';
import type { DiskFs } from './disk-fs';
import { ACK_LOG, ACK_MAGIC, SEGMENT_MAGIC, segmentName } from './queue-files';
import { encodeRecord, RECORD_ACK, RECORD_EVENT } from './record-codec';
import type { RecoveredSegment } from './recover-queue';

// The ack log is rewritten when it mentions this many more events than it needs to.
const ACK_LOG_SLACK = 4096;
// Compacted ack records carry at most this many sequence numbers each.
const ACK_CHUNK = 10_000;

/** One segment file and the bookkeeping that decides when it can be deleted. */
export interface Segment {
  readonly path: string;
  fd: number | undefined;
  size: number;
  /** Events in it not yet acknowledged. */
  live: number;
  /** Its acknowledged sequence numbers, which the ack log must keep while the file exists. */
  acked: number[];
}

/** Where an event's record lives. */
export interface RecordLocation {
  readonly segment: Segment;
  readonly offset: number;
  readonly length: number;
}

/**
 * The files of a durable queue: append-only segments of event records, rotated at a size limit
 * and deleted once every event in them is acknowledged, and an ack log that is compacted (written
 * afresh, then renamed over the old one) when most of what it says no longer matters. Every
 * method throws on a file-system error; the queue decides what to do about it.
 */
export class SegmentFiles {
  private readonly segments = new Set<Segment>();
  private active: Segment | undefined;
  private acksFd: number | undefined;
  private ackLogSeqs = 0;
  private ackedInLive = 0;

  constructor(
    private readonly fs: DiskFs,
    private readonly dir: string,
    private readonly fsync: boolean,
    private readonly segmentBytes: number,
  ) {}

  /** Adopts the segments found on disk; returns them so events can point at them. */
  adopt(recovered: readonly RecoveredSegment[]): Map<RecoveredSegment, Segment> {
    const map = new Map<RecoveredSegment, Segment>();
    for (const r of recovered) {
      const segment: Segment = {
        path: r.path,
        fd: undefined,
        size: r.size,
        live: r.live,
        acked: [...r.acked],
      };
      this.segments.add(segment);
      this.ackedInLive += segment.acked.length;
      map.set(r, segment);
    }
    return map;
  }

  /** Starts writing: a compacted ack log and a fresh segment whose name is `nextSeq`. */
  start(nextSeq: number): void {
    this.rewriteAckLog();
    this.openSegment(nextSeq);
  }

  /** Appends one event record (rotating first if the active segment is full). */
  appendEvent(seq: number, body: string): RecordLocation {
    const record = encodeRecord(RECORD_EVENT, body);
    let segment = this.active!;
    if (segment.size + record.length > this.segmentBytes && segment.size > SEGMENT_MAGIC.length) {
      const previous = segment;
      segment = this.openSegment(seq);
      if (previous.live === 0) this.deleteSegment(previous);
    }
    const offset = segment.size;
    this.write(segment.fd!, record);
    segment.size += record.length;
    segment.live++;
    return { segment, offset, length: record.length };
  }

  /** Persists that these events are gone (delivered, dropped or evicted). */
  appendAck(seqs: readonly number[]): void {
    this.write(this.acksFd!, encodeRecord(RECORD_ACK, JSON.stringify(seqs)));
    this.ackLogSeqs += seqs.length;
  }

  /** Books an acknowledged event against its segment, deleting the segment once it is empty. */
  forget(segment: Segment, seq: number): void {
    segment.live--;
    segment.acked.push(seq);
    this.ackedInLive++;
    if (segment.live === 0 && segment !== this.active) this.deleteSegment(segment);
  }

  /** Compacts the ack log when it has grown well past what it needs to say. */
  maybeCompact(): void {
    if (this.ackLogSeqs > ACK_LOG_SLACK + 2 * this.ackedInLive) this.rewriteAckLog();
  }

  /** Reads a record back. */
  read(location: RecordLocation): Buffer {
    const { segment } = location;
    segment.fd ??= this.fs.openSync(segment.path, 'r');
    const buf = Buffer.alloc(location.length);
    this.fs.readSync(segment.fd, buf, 0, location.length, location.offset);
    return buf;
  }

  /** Closes every file; deletes the active segment if nothing in it is left to send. */
  close(): void {
    if (this.active?.live === 0) this.deleteSegment(this.active);
    const fds = [...this.segments].map((s) => s.fd);
    fds.push(this.acksFd);
    for (const fd of fds) {
      if (fd === undefined) continue;
      try {
        this.fs.closeSync(fd);
      } catch {
        // Already closed.
      }
    }
    for (const segment of this.segments) segment.fd = undefined;
    this.acksFd = undefined;
  }

  private openSegment(firstSeq: number): Segment {
    const path = join(this.dir, segmentName(firstSeq));
    const fd = this.fs.openSync(path, 'a+');
    const segment: Segment = { path, fd, size: 0, live: 0, acked: [] };
    this.segments.add(segment);
    this.active = segment;
    this.write(fd, SEGMENT_MAGIC);
    segment.size = SEGMENT_MAGIC.length;
    if (this.fsync) this.syncDir();
    return segment;
  }

  private deleteSegment(segment: Segment): void {
    this.segments.delete(segment);
    this.ackedInLive -= segment.acked.length;
    segment.acked = [];
    if (segment.fd !== undefined) this.fs.closeSync(segment.fd);
    segment.fd = undefined;
    this.fs.unlinkSync(segment.path);
  }

  private rewriteAckLog(): void {
    const path = join(this.dir, ACK_LOG);
    const temp = `${path}.tmp`;
    const fd = this.fs.openSync(temp, 'w');
    try {
      this.write(fd, ACK_MAGIC);
      const all = [...this.segments].flatMap((s) => s.acked);
      for (let i = 0; i < all.length; i += ACK_CHUNK) {
        this.write(fd, encodeRecord(RECORD_ACK, JSON.stringify(all.slice(i, i + ACK_CHUNK))));
      }
    } finally {
      this.fs.closeSync(fd);
    }
    this.fs.renameSync(temp, path);
    if (this.acksFd !== undefined) this.fs.closeSync(this.acksFd);
    this.acksFd = this.fs.openSync(path, 'a');
    if (this.fsync) this.syncDir();
    this.ackLogSeqs = this.ackedInLive;
  }

  private write(fd: number, bytes: Buffer): void {
    let done = 0;
    while (done < bytes.length) done += this.fs.writeSync(fd, bytes, done, bytes.length - done);
    if (this.fsync) this.fs.fsyncSync(fd);
  }

  private syncDir(): void {
    // Makes a new file's directory entry durable. Not every platform can fsync a directory.
    try {
      const fd = this.fs.openSync(this.dir, 'r');
      try {
        this.fs.fsyncSync(fd);
      } finally {
        this.fs.closeSync(fd);
      }
    } catch {
      // Best effort.
    }
  }
}
