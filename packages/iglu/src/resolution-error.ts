import { IgluError } from './iglu-error';

/**
 * A schema could not be resolved from the local roots. `code` is `not_found` when no root has
 * the file, or `invalid_schema` when the file exists but does not parse or its `self` block
 * differs from the requested key. `tried` lists every file path looked at, in order.
 */
export class ResolutionError extends IgluError {
  override readonly name: string = 'ResolutionError';
  /** The URI that was asked for. */
  readonly uri: string;
  /** Every file path tried, in root order. */
  readonly tried: readonly string[];

  /**
   * @param code - `not_found` or `invalid_schema`
   * @param uri - the requested URI
   * @param tried - every file path tried
   * @param message - readable explanation
   */
  constructor(code: string, uri: string, tried: readonly string[], message: string) {
    super(code, message);
    this.uri = uri;
    this.tried = tried;
  }
}
