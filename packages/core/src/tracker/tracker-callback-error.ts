import { FloeError } from '../errors/floe-error';

/**
 * A user callback (`onDrop`, `onViolation`) or an emitter method threw. The tracker caught it and
 * carried on; this error reaches `onError` so the fault is not silent.
 */
export class TrackerCallbackError extends FloeError {
  override readonly name = 'TrackerCallbackError';

  /**
   * @param message - which callback threw.
   * @param cause - what it threw.
   */
  constructor(message: string, cause: unknown) {
    super('callback', message, { cause });
  }
}
