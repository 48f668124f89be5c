/**
 * The one error type of `@floe/codegen`. `code` is stable: `invalid_config`, `unresolved_ref`,
 * `compile_failed`, `name_collision`, `invalid_registry`.
 *
 * @example
 * try { await loadCodegenConfig('floe.config.json'); } catch (e) { if (e instanceof CodegenError) console.error(e.code); }
 */
export class CodegenError extends Error {
  /** Stable machine-readable error code. */
  readonly code: string;

  /**
   * @param code - stable machine-readable code
   * @param message - readable explanation naming the input that failed
   */
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CodegenError';
    this.code = code;
  }
}
