import { FloeError } from '../errors/floe-error';
import type { DropReport } from '../protocol/drop-report';
import type { EmitterOptions, SendFailure, SendSuccess } from './emitter-options';

/**
 * The user's callbacks, each made safe to call: a throw from one is reported to `onError` (code
 * `callback`) and never changes what happens to a batch; a throw from `onError` is swallowed.
 */
export interface SafeCallbacks {
  onSuccess(success: SendSuccess): void;
  onFailure(failure: SendFailure): void;
  onDrop(report: DropReport): void;
  onError(error: FloeError): void;
  /** Reports a store call that threw or rejected to `onError` (code `store`); returns the error. */
  storeFailed(call: string, cause: unknown): FloeError;
}

/**
 * Wraps the callbacks of the emitter's options so the engine can call them without a try block
 * at every call site.
 *
 * @param options - the emitter's options; absent callbacks become no-ops.
 */
export function createSafeCallbacks(options: EmitterOptions): SafeCallbacks {
  const onError = (error: FloeError): void => {
    try {
      options.onError?.(error);
    } catch {
      // onError is the last resort; a throw here has no further place to go.
    }
  };
  const guard =
    <T>(name: 'onSuccess' | 'onFailure' | 'onDrop') =>
    (value: T): void => {
      try {
        (options[name] as ((value: T) => void) | undefined)?.(value);
      } catch (cause) {
        onError(new FloeError('callback', `${name} threw: ${cause}`, { cause }));
      }
    };
  return {
    onSuccess: guard('onSuccess'),
    onFailure: guard('onFailure'),
    onDrop: guard('onDrop'),
    onError,
    storeFailed(call, cause) {
      const error = new FloeError('store', `${call} failed: ${cause}`, { cause });
      onError(error);
      return error;
    },
  };
}
