import type { Payload } from '../payload';
import { type EventText, renderEventText } from '../payload/deferred-text';
import type { QueuedEvent } from '../store/event-store';

/**
 * A queued event as the emitter makes it: the JSON text, id, size and times only. The payload
 * object is rebuilt from the text when something asks for it (a drop report, a GET request, a store
 * that persists it), so a queue of 100,000 events holds 100,000 strings rather than 100,000 strings
 * and 100,000 objects. A class, so the getters live once on the prototype, not once per event.
 *
 * A self-describing event's text may still be in pieces: it is written on each read of
 * {@link json}, which the emitter does once per batch (see `Batch.texts`). It is not kept here:
 * this object is old by then, and a new string held from it would outlive it until the next full
 * collection.
 */
export class PreparedEvent implements QueuedEvent {
  constructor(
    readonly eid: string,
    private readonly text: EventText,
    readonly bytes: number,
    readonly queuedAt: number,
    readonly seq: number,
  ) {}

  /** The compact JSON text (without `stm`), written now if it is in pieces. */
  get json(): string {
    return renderEventText(this.text);
  }

  /** The payload without `stm`, parsed from {@link json} on every read (it is rarely read). */
  get payload(): Payload {
    return JSON.parse(this.json) as Payload;
  }
}
