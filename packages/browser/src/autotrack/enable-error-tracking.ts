import { trackSelfDescribingEvent } from '@floe/core';
import type { BrowserTracker } from '../tracker/browser-tracker';

/** Snowplow's schema for errors; the local collector validates it once the schema is available. */
export const APPLICATION_ERROR_SCHEMA =
  'iglu:com.snowplowanalytics.snowplow/application_error/jsonschema/1-0-2';

/**
 * Tracks uncaught errors and unhandled promise rejections as `application_error` events.
 * Messages are cut to the schema's 2,048 characters and stack traces to 8,192.
 *
 * @returns a function that removes the listeners.
 */
export function enableErrorTracking(tracker: BrowserTracker): () => void {
  const send = (error: unknown, message: string, extra: Record<string, unknown>) => {
    const stack = error instanceof Error ? error.stack : undefined;
    trackSelfDescribingEvent(tracker, {
      schema: APPLICATION_ERROR_SCHEMA,
      data: {
        programmingLanguage: 'JAVASCRIPT',
        message: (message || 'unknown error').slice(0, 2048),
        isFatal: true,
        ...(stack && { stackTrace: stack.slice(0, 8192) }),
        ...(error instanceof Error && { exceptionName: error.name.slice(0, 1024) }),
        ...extra,
      },
    });
  };
  const onError = (event: ErrorEvent) =>
    send(event.error, event.message, {
      ...(event.filename && { fileName: event.filename.slice(0, 1024) }),
      ...(event.lineno > 0 && { lineNumber: event.lineno }),
      ...(event.colno > 0 && { lineColumn: event.colno }),
    });
  const onRejection = (event: PromiseRejectionEvent) =>
    send(
      event.reason,
      event.reason instanceof Error ? event.reason.message : String(event.reason),
      {},
    );
  addEventListener('error', onError);
  addEventListener('unhandledrejection', onRejection);
  return () => {
    removeEventListener('error', onError);
    removeEventListener('unhandledrejection', onRejection);
  };
}
