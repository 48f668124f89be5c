/**
 * An Iglu schema URI, `iglu:VENDOR/NAME/FORMAT/MODEL-REVISION-ADDITION`.
 *
 * The template literal type catches most typos at compile time; {@link isIgluUri} checks the full
 * grammar at run time.
 *
 * @example
 * const uri: IgluUri = 'iglu:com.acme/checkout/jsonschema/1-0-0';
 */
export type IgluUri = `iglu:${string}/${string}/${string}/${number}-${number}-${number}`;

const IGLU_URI_PATTERN =
  /^iglu:[a-zA-Z0-9_.-]+\/[a-zA-Z0-9_-]+\/[a-zA-Z0-9_-]+\/[0-9]+-[0-9]+-[0-9]+$/;

/** Whether `value` is a well-formed Iglu URI (the pattern the contexts and unstruct_event schemas use). */
export function isIgluUri(value: unknown): value is IgluUri {
  return typeof value === 'string' && IGLU_URI_PATTERN.test(value);
}
