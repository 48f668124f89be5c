/** Stable machine-readable codes carried by core's {@link FloeError}s. */
export type FloeErrorCode =
  | 'invalid_event'
  | 'invalid_config'
  | 'too_large'
  | 'closed'
  | 'transport'
  | 'timeout'
  | 'insecure_redirect'
  | 'store'
  | 'plugin'
  | 'callback'
  | 'validation';

// A registry symbol, not a module-local one: an ESM and a CJS copy of this file loaded side by side
// (or two versions of the package) still agree on it, where `instanceof` would not.
const FLOE_ERROR = Symbol.for('floe.error');

/**
 * The one base class of every error Floe reports, in every package. `name` is stable across
 * releases and `code` says what went wrong without parsing the message.
 *
 * @typeParam Code - the codes a subclass uses; core's own are {@link FloeErrorCode}.
 */
export class FloeError<Code extends string = FloeErrorCode> extends Error {
  // Declared, then assigned in the constructor: a class field would make bundlers targeting
  // es2020 ship a define-property helper with every bundle.
  declare readonly code: Code;

  constructor(code: Code, message: string, options?: { cause?: unknown }) {
    super(message, options);
    // Subclasses assign their own name after this; a literal, as minifiers rename classes.
    this.name = 'FloeError';
    this.code = code;
    Object.defineProperty(this, FLOE_ERROR, { value: true });
  }

  /**
   * Whether `value` is a Floe error from any copy of any `@floe/*` package: works across the ESM
   * and CJS builds loaded side by side, where `instanceof` would answer `false`.
   */
  static isInstance(value: unknown): value is FloeError<string> {
    return typeof value === 'object' && value !== null && FLOE_ERROR in value;
  }
}
