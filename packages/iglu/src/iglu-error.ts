import { FloeError } from '@floe/core';

/**
 * The one error type of `@floe/iglu`. `code` is stable and machine-readable:
 * `invalid_schemaver`, `invalid_uri`, `invalid_option`, `invalid_schema`, `unresolved_ref`,
 * `compile_failed`, `not_found`.
 *
 * @example
 * try { parseIgluUri('nope'); } catch (e) { if (e instanceof IgluError) console.log(e.code); }
 */
export class IgluError extends FloeError<string> {
  override readonly name: string = 'IgluError';
}
