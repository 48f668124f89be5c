import type { Payload } from '../protocol/payload';
import { type EventText, renderEventText } from '../payload/deferred-text';
import type { QueuedEvent } from './event-store';

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
  /**
   * @param eidInText - the text carries the id where a tracker writes it (see
   *   {@link readEidFrom}), so a store may keep the text alone.
   */
  constructor(
    readonly eid: string,
    private readonly text: EventText,
    readonly bytes: number,
    readonly queuedAt: number,
    readonly seq: number,
    readonly eidInText = false,
  ) {}

  /** The text as it is, written or in pieces, for a store that keeps it without reading it. */
  get source(): EventText {
    return this.text;
  }

  /** The compact JSON text (without `stm`), written now if it is in pieces. */
  get json(): string {
    return renderEventText(this.text);
  }

  /** The payload without `stm`, parsed from {@link json} on every read (it is rarely read). */
  get payload(): Payload {
    return JSON.parse(this.json) as Payload;
  }
}

/** Where a tracker writes the id: after `{"e":"xx","eid":"` (every event type has 2 letters). */
const EID_AT = 17;

/**
 * Reads an event id back from its text, where a tracker wrote it unescaped right after the event
 * type, for a store that keeps texts but not ids.
 *
 * @param length - the id's length.
 */
export function readEidFrom(text: EventText, length: number): string {
  const head = typeof text === 'string' ? text : text.head;
  return head.slice(EID_AT, EID_AT + length);
}
