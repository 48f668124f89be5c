import { FloeError } from '../errors/floe-error';

/**
 * A plugin hook, context generator or context filter threw. Reported through `onError`; the
 * tracker carries on without that callback's contribution.
 */
export class PluginError extends FloeError {
  override readonly name = 'PluginError';

  /**
   * @param message - which callback threw.
   * @param cause - what it threw.
   */
  constructor(message: string, cause: unknown) {
    super('plugin', message, { cause });
  }
}
