import type { Payload } from '../protocol/payload';
import type { ClockReading } from '../platform/clock';
import type { EventText } from './deferred-text';

/**
 * An event a tracker has already serialised: its id, its compact JSON text (no `stm`) and the
 * exact UTF-8 size of that text. Emitters that accept it (`Emitter.addEncoded`) queue it as is;
 * the payload object is parsed from the text only when something asks (a plugin, a drop report,
 * an emitter without `addEncoded`).
 *
 * The text of a self-describing event may still be in pieces (see `DeferredText`): it is written
 * on the first read of {@link json}, which an emitter does when it takes the event's batch.
 */
export class EncodedEvent {
  private text: EventText;

  /**
   * @param eid - the event id, as in the text.
   * @param json - the payload as compact JSON text, well-formed, without `stm`, or its pieces.
   * @param bytes - UTF-8 bytes of `json`.
   * @param eidInText - the text starts `{"e":"xx","eid":"` and the id follows unescaped, so a
   *   queue may read the id back from the text instead of keeping it (@internal).
   * @param trackedAt - the tracker's clock reading for the event's `dtm`; an emitter on the same
   *   clock takes it as the time it queued the event (@internal).
   */
  constructor(
    readonly eid: string,
    json: EventText,
    readonly bytes: number,
    readonly eidInText = false,
    readonly trackedAt?: ClockReading,
  ) {
    this.text = json;
  }

  /** The payload as compact JSON text, written now if it was still in pieces. */
  get json(): string {
    const text = this.text;
    if (typeof text === 'string') return text;
    const written = text.render();
    this.text = written;
    return written;
  }

  /**
   * The text as it is now, written or in pieces, for an emitter that queues it without reading it.
   *
   * @internal
   */
  get source(): EventText {
    return this.text;
  }

  /** The payload object, parsed from {@link json} on every read. */
  get payload(): Payload {
    return JSON.parse(this.json) as Payload;
  }
}
