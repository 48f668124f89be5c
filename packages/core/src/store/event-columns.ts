import type { QueuedPayload } from './event-store';

/**
 * A double-ended queue of events kept in columns on a growable ring: each event's JSON text and
 * id in two arrays, its size, queue time and sequence number in typed arrays. A queue of 100,000
 * events then holds their strings and a few numbers each, not 100,000 objects with boxed numbers:
 * ~80 bytes less per event, and that much less for the garbage collector to copy while a burst
 * waits. Events are made whole again (copies keeping `seq`) when they are read.
 */
export class EventColumns {
  /** Each event's text, or `null` once it was removed out of order. */
  private jsons: (string | null)[] = new Array(16);
  private eids: string[] = new Array(16);
  private sizes = new Int32Array(16);
  private times = new Float64Array(16);
  /** Each event's `seq`, or -1 for an event restored without one. */
  private seqs = new Float64Array(16);
  private head = 0;
  private count = 0;

  /** Slots in use, removed ones included. */
  get length(): number {
    return this.count;
  }

  /** Appends at the back. */
  push(event: QueuedPayload): void {
    if (this.count === this.jsons.length) this.grow();
    this.write(this.slot(this.count), event);
    this.count++;
  }

  /** Inserts at the front. */
  unshift(event: QueuedPayload): void {
    if (this.count === this.jsons.length) this.grow();
    this.head = this.slot(-1);
    this.write(this.head, event);
    this.count++;
  }

  /** Whether the slot `index` from the front was removed. */
  removed(index: number): boolean {
    return this.jsons[this.slot(index)] === null;
  }

  /** The id of the event `index` from the front. */
  eidAt(index: number): string {
    return this.eids[this.slot(index)] as string;
  }

  /** The size of the event `index` from the front. */
  bytesAt(index: number): number {
    return this.sizes[this.slot(index)] as number;
  }

  /** The event `index` from the front, as a new object (not removed). */
  eventAt(index: number): QueuedPayload {
    const at = this.slot(index);
    const seq = this.seqs[at] as number;
    return {
      eid: this.eids[at] as string,
      json: this.jsons[at] as string,
      bytes: this.sizes[at] as number,
      queuedAt: this.times[at] as number,
      ...(seq >= 0 ? { seq } : {}),
    };
  }

  /** Removes the front slot. */
  dropFront(): void {
    if (this.count === 0) return;
    // Cleared so the ring does not keep the strings of events that left alive.
    this.jsons[this.head] = null;
    this.eids[this.head] = '';
    this.head = this.slot(1);
    this.count--;
  }

  /** Marks the event `index` from the front removed; its slot stays until it reaches the front. */
  remove(index: number): void {
    this.jsons[this.slot(index)] = null;
  }

  // Capacity stays a power of two, so the wrap is a mask, not a modulo.
  private slot(index: number): number {
    return (this.head + index) & (this.jsons.length - 1);
  }

  private write(at: number, event: QueuedPayload): void {
    this.jsons[at] = event.json;
    this.eids[at] = event.eid;
    this.sizes[at] = event.bytes;
    this.times[at] = event.queuedAt;
    this.seqs[at] = event.seq ?? -1;
  }

  private grow(): void {
    const capacity = this.jsons.length * 2;
    const jsons: (string | null)[] = new Array(capacity);
    const eids: string[] = new Array(capacity);
    const sizes = new Int32Array(capacity);
    const times = new Float64Array(capacity);
    const seqs = new Float64Array(capacity);
    for (let i = 0; i < this.count; i++) {
      const at = this.slot(i);
      jsons[i] = this.jsons[at] as string | null;
      eids[i] = this.eids[at] as string;
      sizes[i] = this.sizes[at] as number;
      times[i] = this.times[at] as number;
      seqs[i] = this.seqs[at] as number;
    }
    this.jsons = jsons;
    this.eids = eids;
    this.sizes = sizes;
    this.times = times;
    this.seqs = seqs;
    this.head = 0;
  }
}
