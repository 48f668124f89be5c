import { FloeError } from '../errors/floe-error';
import type { DropReport } from '../protocol/drop-report';
import type { EmitterOptions, SendFailure, SendSuccess } from './emitter-options';

/** The user's callbacks, each guarded so a throw never changes what happens to a batch. */
export interface SafeCallbacks {
  success(success: SendSuccess): void;
  failure(failure: SendFailure): void;
  drop(report: DropReport): void;
  error(error: FloeError): void;
}

/**
 * Wraps the emitter callbacks: an exception from `onSuccess`, `onFailure` or `onDrop` is reported
 * through `onError` as a `callback` error; an exception from `onError` itself is swallowed, since
 * there is nowhere left to report it.
 */
export function createSafeCallbacks(options: EmitterOptions): SafeCallbacks {
  const error = (floeError: FloeError): void => {
    try {
      options.onError?.(floeError);
    } catch {
      // onError is the last resort; a throw here has no further place to go.
    }
  };
  function guard<T>(name: string, callback: ((value: T) => void) | undefined): (value: T) => void {
    if (!callback) return () => undefined;
    return (value) => {
      try {
        callback(value);
      } catch (cause) {
        error(new FloeError('callback', `${name} threw: ${String(cause)}`, { cause }));
      }
    };
  }
  return {
    success: guard('onSuccess', options.onSuccess),
    failure: guard('onFailure', options.onFailure),
    drop: guard('onDrop', options.onDrop),
    error,
  };
}
