/**
 * The one error type of `@floe/iglu`. `code` is stable and machine-readable:
 * `invalid_schemaver`, `invalid_uri`, `invalid_option`, `invalid_schema`, `unresolved_ref`,
 * `compile_failed`, `not_found`.
 *
 * @example
 * try { parseIgluUri('nope'); } catch (e) { if (e instanceof IgluError) console.log(e.code); }
 */
export class IgluError extends Error {
  /** Stable machine-readable error code. */
  readonly code: string;

  /**
   * @param code - stable machine-readable code
   * @param message - readable explanation, naming the input that failed
   */
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'IgluError';
    this.code = code;
  }
}
