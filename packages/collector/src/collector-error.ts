/**
 * The error type of `@floe/collector`. `code` is stable and machine-readable:
 * `invalid_option` (a bad option or CLI argument), `listen_failed` (the port could not be bound),
 * `storage_failed` (the database could not be opened).
 *
 * @example
 * try { await startCollector({ port: -1 }); } catch (e) { if (e instanceof CollectorError) console.log(e.code); }
 */
export class CollectorError extends Error {
  /** Stable machine-readable error code. */
  readonly code: string;

  /**
   * @param code - stable machine-readable code
   * @param message - readable explanation naming the input that failed
   * @param options - the underlying cause, if any
   */
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CollectorError';
    this.code = code;
  }
}
