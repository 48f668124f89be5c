import { FloeError } from '../errors/floe-error';

/**
 * Tracker options that cannot work (a missing namespace or platform, no emitter, a malformed
 * global context or schema pattern). Thrown at configuration time, never from a track call.
 */
export class TrackerConfigError extends FloeError {
  override readonly name = 'TrackerConfigError';

  /** @param message - which option is wrong and why. */
  constructor(message: string) {
    super('invalid_config', message);
  }
}
