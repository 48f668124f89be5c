import type { QueuedPayload } from './event-store';

/** A double-ended queue of events kept in columns; see {@link createEventColumns}. */
export interface EventColumns {
  /** Slots in use, removed ones included. */
  readonly length: number;
  /** Appends at the back. */
  push(event: QueuedPayload): void;
  /** Inserts at the front. */
  unshift(event: QueuedPayload): void;
  /** Whether the slot `index` from the front was removed. */
  removed(index: number): boolean;
  /** The id of the event `index` from the front. */
  eidAt(index: number): string;
  /** The size of the event `index` from the front. */
  bytesAt(index: number): number;
  /** The event `index` from the front, as a new object (not removed). */
  eventAt(index: number): QueuedPayload;
  /** Removes the front slot. */
  dropFront(): void;
  /** Marks the event `index` from the front removed; its slot stays until it reaches the front. */
  remove(index: number): void;
}

/**
 * A double-ended queue of events kept in columns on a growable ring: each event's JSON text and
 * id in two arrays, its size, queue time and sequence number in typed arrays. A queue of 100,000
 * events then holds their strings and a few numbers each, not 100,000 objects with boxed numbers:
 * ~80 bytes less per event, and that much less for the garbage collector to copy while a burst
 * waits. Events are made whole again (copies keeping `seq`) when they are read.
 */
export function createEventColumns(): EventColumns {
  /** Each event's text, or `null` once it was removed out of order. */
  let jsons: (string | null)[] = new Array(16);
  let eids: string[] = new Array(16);
  let sizes = new Int32Array(16);
  let times = new Float64Array(16);
  /** Each event's `seq`, or -1 for an event restored without one. */
  let seqs = new Float64Array(16);
  let head = 0;
  let count = 0;

  // Capacity stays a power of two, so the wrap is a mask, not a modulo.
  const slot = (index: number): number => (head + index) & (jsons.length - 1);

  function write(at: number, event: QueuedPayload): void {
    jsons[at] = event.json;
    eids[at] = event.eid;
    sizes[at] = event.bytes;
    times[at] = event.queuedAt;
    seqs[at] = event.seq ?? -1;
    count++;
  }

  function grow(): void {
    if (count < jsons.length) return;
    const from = { jsons, eids, sizes, times, seqs };
    const capacity = count * 2;
    jsons = new Array(capacity);
    eids = new Array(capacity);
    sizes = new Int32Array(capacity);
    times = new Float64Array(capacity);
    seqs = new Float64Array(capacity);
    for (let i = 0; i < count; i++) {
      const at = (head + i) & (count - 1);
      jsons[i] = from.jsons[at] as string | null;
      eids[i] = from.eids[at] as string;
      sizes[i] = from.sizes[at] as number;
      times[i] = from.times[at] as number;
      seqs[i] = from.seqs[at] as number;
    }
    head = 0;
  }

  return {
    get length() {
      return count;
    },
    push(event) {
      grow();
      write(slot(count), event);
    },
    unshift(event) {
      grow();
      head = slot(-1);
      write(head, event);
    },
    removed: (index) => jsons[slot(index)] === null,
    eidAt: (index) => eids[slot(index)] as string,
    bytesAt: (index) => sizes[slot(index)] as number,
    eventAt(index) {
      const at = slot(index);
      const seq = seqs[at] as number;
      const event = {
        eid: eids[at] as string,
        json: jsons[at] as string,
        bytes: sizes[at] as number,
        queuedAt: times[at] as number,
      };
      return seq < 0 ? event : { ...event, seq };
    },
    dropFront() {
      if (count === 0) return;
      // Cleared so the ring does not keep the strings of events that left alive.
      jsons[head] = null;
      eids[head] = '';
      head = slot(1);
      count--;
    },
    remove(index) {
      jsons[slot(index)] = null;
    },
  };
}
