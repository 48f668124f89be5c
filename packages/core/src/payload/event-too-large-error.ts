import { FloeError } from '../errors/floe-error';

/**
 * An event whose serialised payload exceeds the single-event cap (tracker protocol §6.5): it could
 * never be delivered, so it is rejected at track time with reason `too_large`.
 */
export class EventTooLargeError extends FloeError {
  override readonly name = 'EventTooLargeError';

  /**
   * @param bytes - the UTF-8 size of the payload's JSON text.
   * @param limit - the cap it exceeds.
   */
  constructor(
    readonly bytes: number,
    readonly limit: number,
  ) {
    super('too_large', `the event is ${bytes} bytes serialised, over the ${limit}-byte cap`);
  }
}
