import type { EventStore, QueuedPayload } from '@floe/core';
import { DiskStoreError } from '../errors/disk-store-error';
import { errnoOf } from './disk-fs';
import { readEventJson } from './queue-files';
import { RECORD_HEADER_BYTES } from './record-codec';
import type { RecoveredQueue } from './recover-queue';
import type { RecordLocation, SegmentFiles } from './segment-files';

const QUEUED = 0;
const LEASED = 1;
const GONE = 2;

interface Entry {
  /** Position in `entries` (kept up to date when removed entries are swept out). */
  index: number;
  readonly seq: number;
  readonly eid: string;
  readonly bytes: number;
  readonly queuedAt: number;
  /** The emitter's sequence number (flush bookkeeping); events restored from disk have none. */
  readonly emitterSeq: number | undefined;
  /** Where the record is; undefined once the queue runs in memory. */
  location: RecordLocation | undefined;
  /** The payload's JSON text, held in memory only when the event is not on disk. */
  json: string | undefined;
  state: number;
}

/** Settings of a {@link DiskQueue}. */
export interface DiskQueueOptions {
  readonly dir: string;
  readonly maxBytes: number;
  readonly maxEvents: number;
  /** Releases the directory lock. */
  readonly unlock: () => void;
  readonly report: (error: DiskStoreError) => void;
}

/**
 * The durable queue: an in-memory index (sequence number, eid, size, record location) over the
 * segment files. Payloads stay on disk and are read back when leased, so memory grows with the
 * number of queued events rather than their size. When a write fails the queue turns into a
 * memory queue for the rest of the process and says so through `report`.
 */
export class DiskQueue implements EventStore {
  size = 0;
  byteSize = 0;
  private entries: Entry[] = [];
  /** No waiting (QUEUED) entry sits before this index. */
  private cursor = 0;
  /** Removed entries still in `entries`. */
  private gone = 0;
  private readonly byEid = new Map<string, Entry>();
  private nextSeq: number;
  private files: SegmentFiles | undefined;
  private closed = false;

  /**
   * @param options - caps, directory and callbacks.
   * @param files - the queue's files, or undefined to run in memory from the start.
   * @param recovered - what was on disk when the queue was opened.
   */
  constructor(
    private readonly options: DiskQueueOptions,
    files: SegmentFiles | undefined,
    recovered: RecoveredQueue | undefined,
  ) {
    this.files = files;
    this.nextSeq = recovered?.nextSeq ?? 0;
    if (!files || !recovered) return;
    const segments = files.adopt(recovered.segments);
    for (const { body, location } of recovered.events) {
      const segment = location && segments.get(location.segment);
      const at = segment && location ? { ...location, segment } : undefined;
      // An event on disk is read back when leased; only one without a record is held as text.
      const json = at ? '' : JSON.stringify(body.p);
      this.insert(body.s, { eid: body.e, json, bytes: body.b, queuedAt: body.t }, at);
    }
    this.onDisk(() => files.start(this.nextSeq));
    for (const { body } of recovered.salvaged) {
      this.append({ eid: body.e, json: JSON.stringify(body.p), bytes: body.b, queuedAt: body.t });
    }
  }

  /** True while events are written to disk; false after falling back to memory. */
  get durable(): boolean {
    return this.files !== undefined;
  }

  add(event: QueuedPayload): readonly QueuedPayload[] {
    if (this.closed || event.bytes > this.options.maxBytes) return [event];
    // Over a cap, the oldest waiting events go (as in core's memory store); leased ones are in
    // flight and settle soon. If only leased events remain, the new event itself is refused.
    // Eids are unique by contract; should one come twice, the newer copy replaces the older.
    const previous = this.byEid.get(event.eid);
    if (previous) this.remove([previous]);
    const victims: Entry[] = [];
    let size = this.size + 1;
    let bytes = this.byteSize + event.bytes;
    for (let i = this.firstWaiting(); i < this.entries.length; i++) {
      if (size <= this.options.maxEvents && bytes <= this.options.maxBytes) break;
      const entry = this.entries[i]!;
      if (entry.state !== QUEUED) continue;
      victims.push(entry);
      size--;
      bytes -= entry.bytes;
    }
    // An evicted event that cannot be read back is still reported, by its eid.
    const evicted = victims.map(
      (e) => this.materialise(e) ?? toQueued(e, JSON.stringify({ eid: e.eid })),
    );
    this.remove(victims);
    if (size > this.options.maxEvents || bytes > this.options.maxBytes) return [...evicted, event];
    this.append(event);
    return evicted;
  }

  take(limit: number, maxBytes = Number.POSITIVE_INFINITY): readonly QueuedPayload[] {
    const out: QueuedPayload[] = [];
    const unreadable: Entry[] = [];
    let sum = 0;
    for (let i = this.firstWaiting(); i < this.entries.length && out.length < limit; i++) {
      const entry = this.entries[i]!;
      if (entry.state !== QUEUED) continue;
      // `maxBytes` is the emitter's hint: stop before reading back events it would release.
      if (out.length > 0 && sum + entry.bytes > maxBytes) break;
      sum += entry.bytes;
      const event = this.materialise(entry);
      if (event) {
        entry.state = LEASED;
        out.push(event);
      } else {
        unreadable.push(entry);
      }
    }
    if (unreadable.length) this.dropUnreadable(unreadable, 'could not be read back');
    return out;
  }

  ack(eids: readonly string[]): void {
    const entries: Entry[] = [];
    for (const eid of eids) {
      const entry = this.byEid.get(eid);
      if (entry) entries.push(entry);
    }
    this.remove(entries);
  }

  release(eids: readonly string[]): void {
    for (const eid of eids) {
      const entry = this.byEid.get(eid);
      if (entry?.state !== LEASED) continue;
      entry.state = QUEUED;
      if (entry.index < this.cursor) this.cursor = entry.index;
    }
  }

  /** Closes the files and releases the lock; unsent events stay on disk for the next start. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.onDisk((files) => files.close());
    this.files = undefined;
    this.options.unlock();
  }

  private append(event: QueuedPayload): void {
    const seq = this.nextSeq++;
    // The payload's JSON text goes in as it is, last: the same bytes as JSON.stringify of the
    // record, and `readEventJson` can slice it back out without parsing.
    const body = `{"s":${seq},"e":${JSON.stringify(event.eid)},"t":${JSON.stringify(event.queuedAt)},"b":${event.bytes},"p":${event.json}}`;
    const location = this.onDisk((files) => files.appendEvent(seq, body));
    this.insert(seq, event, location);
  }

  private insert(seq: number, event: QueuedPayload, location: RecordLocation | undefined): void {
    const entry: Entry = {
      index: this.entries.length,
      seq,
      eid: event.eid,
      bytes: event.bytes,
      queuedAt: event.queuedAt,
      emitterSeq: event.seq,
      location,
      // On disk, the payload is read back when leased instead of being held here.
      json: location ? undefined : event.json,
      state: QUEUED,
    };
    this.entries.push(entry);
    this.byEid.set(entry.eid, entry);
    this.size++;
    this.byteSize += entry.bytes;
  }

  /** Removes entries for good: one ack record on disk, then the index and emptied segments. */
  private remove(entries: Entry[]): void {
    const live = entries.filter((e) => e.state !== GONE);
    if (live.length === 0) return;
    const seqs = live.filter((e) => e.location).map((e) => e.seq);
    if (seqs.length) this.onDisk((files) => files.appendAck(seqs));
    for (const entry of live) {
      entry.state = GONE;
      this.byEid.delete(entry.eid);
      this.size--;
      this.byteSize -= entry.bytes;
      const location = entry.location;
      entry.location = undefined;
      if (location) this.onDisk((files) => files.forget(location.segment, entry.seq));
    }
    this.gone += live.length;
    // Removed entries are skipped and swept out once they outnumber the live ones, so the index
    // stays proportional to the queue even while an in-flight batch pins the oldest position.
    if (this.gone > 1024 && this.gone > this.size) {
      this.entries = this.entries.filter((e) => e.state !== GONE);
      for (let i = 0; i < this.entries.length; i++) this.entries[i]!.index = i;
      this.cursor = 0;
      this.gone = 0;
    }
    this.onDisk((files) => files.maybeCompact());
  }

  /** Moves the cursor past leased and removed entries; each is passed once per lease. */
  private firstWaiting(): number {
    while (this.cursor < this.entries.length && this.entries[this.cursor]!.state !== QUEUED) {
      this.cursor++;
    }
    return this.cursor;
  }

  private materialise(entry: Entry): QueuedPayload | undefined {
    if (entry.json !== undefined) return toQueued(entry, entry.json);
    if (!entry.location || !this.files) return undefined;
    try {
      const record = this.files.read(entry.location).subarray(RECORD_HEADER_BYTES);
      const json = readEventJson(record, entry.seq, entry.eid);
      return json === undefined ? undefined : toQueued(entry, json);
    } catch {
      return undefined;
    }
  }

  private dropUnreadable(entries: Entry[], why: string): void {
    this.remove(entries);
    this.options.report(
      new DiskStoreError('unreadable_event', `${entries.length} queued events ${why}`, {
        eids: entries.map((e) => e.eid),
      }),
    );
  }

  /** Runs a file operation; on failure the queue continues in memory and reports why. */
  private onDisk<T>(operation: (files: SegmentFiles) => T): T | undefined {
    const files = this.files;
    if (!files) return undefined;
    try {
      return operation(files);
    } catch (error) {
      this.fallBack(files, error);
      return undefined;
    }
  }

  private fallBack(files: SegmentFiles, error: unknown): void {
    // Load every payload still on disk while the files can (probably) still be read.
    const lost: Entry[] = [];
    for (const entry of this.entries) {
      if (entry.state === GONE || entry.json !== undefined) continue;
      const event = this.materialise(entry);
      if (event) entry.json = event.json;
      else lost.push(entry);
    }
    this.files = undefined;
    for (const entry of this.entries) entry.location = undefined;
    try {
      files.close();
    } catch {
      // The files are being abandoned anyway.
    }
    const errno = errnoOf(error);
    this.options.report(
      new DiskStoreError(
        'fallback_to_memory',
        `queue directory ${this.options.dir} cannot be written (${errno ?? String(error)}); ` +
          'events are kept in memory until the process ends',
        { file: this.options.dir, errno, eids: lost.map((e) => e.eid) },
        { cause: error },
      ),
    );
    if (lost.length) this.dropUnreadable(lost, 'could not be read back after the fallback');
  }
}

function toQueued(entry: Entry, json: string): QueuedPayload {
  const event = { eid: entry.eid, json, bytes: entry.bytes, queuedAt: entry.queuedAt };
  return entry.emitterSeq === undefined ? event : { ...event, seq: entry.emitterSeq };
}
