import { FloeError } from '@floe/core';

/**
 * The one error type of `@floe/codegen`. `code` is stable: `invalid_config`, `unresolved_ref`,
 * `compile_failed`, `name_collision`, `invalid_registry`.
 *
 * @example
 * try { await loadCodegenConfig('floe.config.json'); } catch (e) { if (e instanceof CodegenError) console.error(e.code); }
 */
export class CodegenError extends FloeError<string> {
  override readonly name: string = 'CodegenError';
}
