/** Stable machine-readable codes carried by every {@link FloeError}. */
export type FloeErrorCode =
  | 'invalid_event'
  | 'invalid_config'
  | 'too_large'
  | 'closed'
  | 'transport'
  | 'timeout'
  | 'store'
  | 'plugin'
  | 'callback'
  | 'validation';

/**
 * The one base class of every error Floe reports. `name` is stable across releases and `code`
 * says what went wrong without parsing the message.
 */
export class FloeError extends Error {
  override readonly name: string = 'FloeError';
  readonly code: FloeErrorCode;

  constructor(code: FloeErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
