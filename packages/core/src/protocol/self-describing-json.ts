import type { IgluUri } from './iglu-uri';

/**
 * A self-describing JSON value: data together with the Iglu URI of the schema it follows.
 *
 * Generated builders (`@floe/events`) return `SelfDescribingJson<Data, typeof URI>`, tying the URI
 * to the data type so that a wrong pairing does not compile.
 *
 * @typeParam TData - the data type the schema describes.
 * @typeParam TUri - the exact Iglu URI, or any Iglu URI.
 */
export interface SelfDescribingJson<
  TData = Record<string, unknown>,
  TUri extends IgluUri = IgluUri,
> {
  readonly schema: TUri;
  readonly data: TData;
}
