import { FloeError, type FloeErrorCode } from './floe-error';

/**
 * Runs the user's code (a plugin hook, a context generator or filter, a validator, a callback, an
 * emitter's `add`). Whatever it throws is reported as a `FloeError` with the given code, message
 * and the thrown value as `cause`, and goes no further: the tracker carries on.
 *
 * @param run - the call into user code.
 * @param report - receives the error when `run` throws.
 * @param code - `plugin`, `callback` or `validation`.
 * @param message - what threw, e.g. `plugin consent.beforeTrack threw`.
 * @returns what `run` returned, or `undefined` when it threw.
 */
export function guarded<T>(
  run: () => T,
  report: (error: FloeError) => void,
  code: FloeErrorCode,
  message: string,
): T | undefined {
  try {
    return run();
  } catch (cause) {
    report(new FloeError(code, message, { cause }));
    return undefined;
  }
}
