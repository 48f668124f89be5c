import { decodeBase64Url } from '../util/base64url';
import { parseJsonWithDepth } from '../util/parse-json';
import { decodeUtf8Strict } from '../util/utf8';
import type { EventFailure } from './event-failure';

/** The outcome of decoding `ue_pr`/`ue_px` or `co`/`cx`. */
export type JsonParamResult =
  | { readonly present: false }
  | { readonly present: true; readonly value: unknown }
  | { readonly present: true; readonly failure: EventFailure };

/**
 * Reads a JSON parameter that comes plain (`ue_pr`, `co`) or base64url-encoded (`ue_px`, `cx`,
 * padded or not). The plain key wins when both are sent.
 *
 * @param params - the event's parameters
 * @param plainKey - e.g. `ue_pr`
 * @param encodedKey - e.g. `ue_px`
 * @param source - failure source name (`unstruct` or `contexts`)
 * @param maxDepth - nesting limit
 */
export function decodeJsonParam(
  params: Readonly<Record<string, string>>,
  plainKey: string,
  encodedKey: string,
  source: string,
  maxDepth: number,
): JsonParamResult {
  const plain = params[plainKey];
  const encoded = params[encodedKey];
  const field = plain !== undefined ? plainKey : encodedKey;
  const raw = plain ?? encoded;
  if (raw === undefined) return { present: false };
  const fail = (error: string): JsonParamResult => ({
    present: true,
    failure: {
      message: { field, value: raw, error },
      source,
      schema: null,
      data: { [field]: raw },
    },
  });
  let text = raw;
  if (plain === undefined) {
    const decoded = decodeBase64Url(raw);
    if ('error' in decoded) return fail(decoded.error);
    const utf8 = decodeUtf8Strict(decoded.bytes);
    if (utf8 === undefined) return fail('the base64url-decoded bytes are not valid UTF-8');
    text = utf8;
  }
  const parsed = parseJsonWithDepth(text, maxDepth);
  return parsed.ok ? { present: true, value: parsed.value } : fail(parsed.error);
}
