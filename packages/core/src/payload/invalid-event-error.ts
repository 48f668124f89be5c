import { FloeError } from '../errors/floe-error';

/**
 * An event the tracker refused to build: a missing required field, an over-length value, a value
 * that cannot be serialised (cycle, BigInt, NaN, function), an invalid Iglu URI or true timestamp.
 * It reaches `onDrop` with reason `invalid` and `onError`; the track call itself never throws it.
 */
export class InvalidEventError extends FloeError {
  override readonly name = 'InvalidEventError';

  /**
   * @param message - what was wrong, naming the payload key or the path inside the data.
   * @param options - the underlying error, when there is one.
   */
  constructor(message: string, options?: { cause?: unknown }) {
    super('invalid_event', message, options);
  }
}
