import type { Payload } from '../payload';

/**
 * An event a tracker has already serialised: its id, its compact JSON text (no `stm`) and the
 * exact UTF-8 size of that text. Emitters that accept it (`Emitter.addEncoded`) queue the text as
 * is; the payload object is parsed from it only when something asks (a plugin, a drop report, an
 * emitter without `addEncoded`).
 */
export class EncodedEvent {
  /**
   * @param eid - the event id, as in the text.
   * @param json - the payload as compact JSON text, well-formed, without `stm`.
   * @param bytes - UTF-8 bytes of `json`.
   */
  constructor(
    readonly eid: string,
    readonly json: string,
    readonly bytes: number,
  ) {}

  /** The payload object, parsed from {@link json} on every read. */
  get payload(): Payload {
    return JSON.parse(this.json) as Payload;
  }
}
