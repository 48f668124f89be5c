import type { Payload } from '../protocol/payload';

/**
 * An event as compact JSON text with its id and UTF-8 size.
 *
 * @deprecated The tracker hands emitters a plain `Payload` now; this class remains only until
 *   the shared public-types.ts stops exporting it, and then goes with the rest of `payload/`.
 */
export class EncodedEvent {
  /**
   * @param eid - the event id, as in the text.
   * @param json - the payload as compact JSON text, without `stm`.
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
