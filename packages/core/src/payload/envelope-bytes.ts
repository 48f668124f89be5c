import { CONTEXTS_PREFIX, type SelfDescribingParts, UNSTRUCT_PREFIX } from './self-describing-text';
import { nativeBase64Url, utf8Constant, writeBase64Url, writeBytes, writeUtf8 } from './utf8-bytes';

const UNSTRUCT_OPEN = /* @__PURE__ */ utf8Constant(UNSTRUCT_PREFIX + '{"schema":"');
const DATA_KEY = /* @__PURE__ */ utf8Constant('","data":');
const UNSTRUCT_CLOSE = /* @__PURE__ */ utf8Constant('}}');
const CONTEXTS_OPEN = /* @__PURE__ */ utf8Constant(CONTEXTS_PREFIX);
const CONTEXTS_CLOSE = /* @__PURE__ */ utf8Constant(']}');

/**
 * Writes `unstructEventText(joinSelfDescribing(event))` as UTF-8 bytes, without making it.
 *
 * @returns the offset after the last byte written.
 */
export function writeUnstructEventJson(
  event: SelfDescribingParts,
  into: Uint8Array,
  at: number,
): number {
  let to = writeBytes(UNSTRUCT_OPEN, into, at);
  to = writeUtf8(event.schema, into, to);
  to = writeBytes(DATA_KEY, into, to);
  to = writeUtf8(event.data, into, to);
  return writeBytes(UNSTRUCT_CLOSE, into, to);
}

/**
 * Writes `contextsText(entityTexts)` as UTF-8 bytes, without making it.
 *
 * @param entityTexts - the texts, or the one text.
 *
 * @returns the offset after the last byte written.
 */
export function writeContextsJson(
  entityTexts: string | readonly string[],
  into: Uint8Array,
  at: number,
): number {
  let to = writeBytes(CONTEXTS_OPEN, into, at);
  if (typeof entityTexts === 'string') to = writeUtf8(entityTexts, into, to);
  else {
    for (let i = 0; i < entityTexts.length; i++) {
      if (i > 0) into[to++] = 44; // ,
      to = writeUtf8(entityTexts[i] as string, into, to);
    }
  }
  return writeBytes(CONTEXTS_CLOSE, into, to);
}

/**
 * Writes a JSON string holding the base64url of JSON text already written as UTF-8 (`ue_px`,
 * `cx`): a quote, the encoding of `json[0, end)`, a quote.
 *
 * @param json - bytes from `scratchBytes` (a `Buffer` where the runtime has one).
 * @returns the offset after the closing quote.
 */
export function writeQuotedBase64(
  json: Uint8Array,
  end: number,
  into: Uint8Array,
  at: number,
): number {
  into[at] = 34; // "
  // A Buffer's native encoder, then one native write, beats the loop several times over.
  const native = nativeBase64Url(json, 0, end);
  const to =
    native === undefined
      ? writeBase64Url(json, 0, end, into, at + 1)
      : writeUtf8(native, into, at + 1);
  into[to] = 34;
  return to + 1;
}
