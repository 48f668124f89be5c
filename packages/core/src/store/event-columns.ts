import type { EventText } from '../payload/deferred-text';
import type { QueuedEvent } from './event-store';
import { PreparedEvent, readEidFrom } from './prepared-event';

/** What a slot holds: an event's text, a whole event from elsewhere, or nothing (removed). */
type Slot = EventText | QueuedEvent | null;

/**
 * A double-ended queue of events kept in columns on a growable ring: for an event the emitter
 * prepared, only its text, its size, times and sequence number; its id is read back from the text
 * when the tracker wrote it there. So a queue of 100,000 tracked events holds 100,000 texts and a
 * few numbers each, not 100,000 event objects, ids and boxed times, which is ~120 bytes less per
 * event and that much less for the garbage collector to copy while a burst is queued. Events are
 * made whole again (as copies keeping `seq`) when they are read. Events from anywhere else are
 * kept as the objects they are.
 */
export class EventColumns {
  private slots: Slot[] = new Array(16);
  /** Each event's id, or its length when it is read back from the text. */
  private ids: (string | number | undefined)[] = new Array(16);
  private sizes = new Int32Array(16);
  private times = new Float64Array(16);
  private seqs = new Float64Array(16);
  private head = 0;
  private count = 0;

  /** Slots in use, removed ones included. */
  get length(): number {
    return this.count;
  }

  /** Appends at the back. */
  push(event: QueuedEvent): void {
    if (this.count === this.slots.length) this.grow();
    this.write((this.head + this.count) & (this.slots.length - 1), event);
    this.count++;
  }

  /** Inserts at the front. */
  unshift(event: QueuedEvent): void {
    if (this.count === this.slots.length) this.grow();
    this.head = (this.head - 1) & (this.slots.length - 1);
    this.write(this.head, event);
    this.count++;
  }

  /** Whether the slot `index` from the front was removed. */
  removed(index: number): boolean {
    return this.slots[this.slot(index)] === null;
  }

  /** The id of the event `index` from the front (not removed). */
  eidAt(index: number): string {
    const at = this.slot(index);
    const slot = this.slots[at] as EventText | QueuedEvent;
    if (isWhole(slot)) return slot.eid;
    const id = this.ids[at] as string | number;
    return typeof id === 'number' ? readEidFrom(slot, id) : id;
  }

  /** The size of the event `index` from the front (not removed). */
  bytesAt(index: number): number {
    const at = this.slot(index);
    const slot = this.slots[at] as EventText | QueuedEvent;
    return isWhole(slot) ? slot.bytes : (this.sizes[at] as number);
  }

  /** The event `index` from the front, whole (a copy keeping `seq` for a prepared event). */
  eventAt(index: number, eid = this.eidAt(index)): QueuedEvent | null {
    const at = this.slot(index);
    const slot = this.slots[at] as Slot;
    if (slot === null || isWhole(slot)) return slot;
    return new PreparedEvent(
      eid,
      slot,
      this.sizes[at] as number,
      this.times[at] as number,
      this.seqs[at] as number,
      typeof this.ids[at] === 'number',
    );
  }

  /** Removes the front slot. */
  dropFront(): void {
    if (this.count === 0) return;
    this.slots[this.head] = undefined as unknown as Slot;
    this.ids[this.head] = undefined;
    this.head = (this.head + 1) & (this.slots.length - 1);
    this.count--;
  }

  /** Marks the event `index` from the front removed; its slot stays until it reaches the front. */
  remove(index: number): void {
    const at = this.slot(index);
    this.slots[at] = null;
    this.ids[at] = undefined;
  }

  private slot(index: number): number {
    return (this.head + index) & (this.slots.length - 1);
  }

  private write(at: number, event: QueuedEvent): void {
    if (!(event instanceof PreparedEvent)) {
      this.slots[at] = event;
      this.ids[at] = undefined;
      return;
    }
    this.slots[at] = event.source;
    this.sizes[at] = event.bytes;
    this.times[at] = event.queuedAt;
    this.seqs[at] = event.seq;
    this.ids[at] = event.eidInText ? event.eid.length : event.eid;
  }

  // Capacity stays a power of two so the index wrap is a mask, not a modulo. The slots are
  // copied in at most two runs (before and after the wrap), typed columns with `set`.
  private grow(): void {
    const capacity = this.slots.length * 2;
    const first = Math.min(this.count, this.slots.length - this.head);
    const runs: [number, number][] = [
      [this.head, first],
      [0, this.count - first],
    ];
    const slots: Slot[] = new Array(capacity);
    const ids: (string | number | undefined)[] = new Array(capacity);
    let to = 0;
    for (const [from, length] of runs) {
      for (let i = 0; i < length; i++) {
        slots[to + i] = this.slots[from + i] as Slot;
        ids[to + i] = this.ids[from + i];
      }
      to += length;
    }
    this.slots = slots;
    this.ids = ids;
    this.sizes = regrow(this.sizes, new Int32Array(capacity), runs);
    this.times = regrow(this.times, new Float64Array(capacity), runs);
    this.seqs = regrow(this.seqs, new Float64Array(capacity), runs);
    this.head = 0;
  }
}

function regrow<T extends Int32Array | Float64Array>(
  from: T,
  into: T,
  runs: readonly [number, number][],
): T {
  let to = 0;
  for (const [start, length] of runs) {
    into.set(from.subarray(start, start + length), to);
    to += length;
  }
  return into;
}

function isWhole(slot: EventText | QueuedEvent): slot is QueuedEvent {
  return typeof slot !== 'string' && 'eid' in slot;
}
