import type { Payload } from '../payload';
import type { QueuedEvent } from '../store/event-store';

/**
 * A queued event as the emitter makes it: the JSON text, id, size and times only. The payload
 * object is rebuilt from the text when something asks for it (a drop report, a GET request, a store
 * that persists it), so a queue of 100,000 events holds 100,000 strings rather than 100,000 strings
 * and 100,000 objects. A class, so the getter lives once on the prototype, not once per event.
 */
export class PreparedEvent implements QueuedEvent {
  constructor(
    readonly eid: string,
    readonly json: string,
    readonly bytes: number,
    readonly queuedAt: number,
    readonly seq: number,
  ) {}

  /** The payload without `stm`, parsed from {@link json} on every read (it is rarely read). */
  get payload(): Payload {
    return JSON.parse(this.json) as Payload;
  }
}
