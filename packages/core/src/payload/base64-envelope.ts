import { type EntityForm, writeEntities } from './entity-bytes';
import { writeIgluUri } from './iglu-uri-bytes';
import {
  CONTEXTS_PREFIX,
  type EntityText,
  type SelfDescribingParts,
  UNSTRUCT_PREFIX,
} from './self-describing-text';
import {
  nativeBase64Url,
  scratchBytes,
  utf8Constant,
  writeBase64Url,
  writeBytes,
  writeUtf8,
} from './utf8-bytes';
import { utf8Length } from './utf8-length';

/**
 * The constant start of a JSON text that is sent base64url-encoded. Its longest prefix whose
 * length is a multiple of 3 encodes to the same characters whatever follows, so it is encoded
 * once; only the bytes after it are written and encoded per event.
 */
interface Base64Start {
  /** The base64url of the prefix. */
  readonly encoded: Uint8Array;
  /** The 0–2 bytes of the constant start after the prefix. */
  readonly rest: Uint8Array;
}

function base64Start(text: string): Base64Start {
  const bytes = utf8Constant(text);
  const whole = bytes.length - (bytes.length % 3);
  const encoded = new Uint8Array((whole / 3) * 4);
  writeBase64Url(bytes, 0, whole, encoded, 0);
  return { encoded, rest: bytes.slice(whole) };
}

const UNSTRUCT_START = /* @__PURE__ */ base64Start(UNSTRUCT_PREFIX + '{"schema":"');
const DATA_KEY = /* @__PURE__ */ utf8Constant('","data":');

/** Entities as plain JSON text (under `cx`'s base64). */
export const PLAIN_ENTITY: EntityForm = {
  open: /* @__PURE__ */ utf8Constant('{"schema":"'),
  dataKey: DATA_KEY,
  writeText: writeUtf8,
  textSize: utf8Length,
  dataSize: utf8Length,
};
const UNSTRUCT_CLOSE = /* @__PURE__ */ utf8Constant('}}');
const CONTEXTS_START = /* @__PURE__ */ base64Start(CONTEXTS_PREFIX);
const CONTEXTS_CLOSE = /* @__PURE__ */ utf8Constant(']}');

/**
 * Writes the `ue_px` value: a JSON string holding the base64url of
 * `unstructEventText(joinSelfDescribing(event))`, without making either text.
 *
 * @param roomBytes - at least the UTF-8 size of the JSON text (its base64 size will do).
 * @returns the offset after the closing quote.
 */
export function writeUnstructEventBase64(
  event: SelfDescribingParts,
  roomBytes: number,
  into: Uint8Array,
  at: number,
): number {
  const json = scratchBytes(roomBytes);
  let end = writeBytes(UNSTRUCT_START.rest, json, 0);
  end = writeIgluUri(event.schema, json, end);
  end = writeBytes(DATA_KEY, json, end);
  end = writeUtf8(event.data, json, end);
  end = writeBytes(UNSTRUCT_CLOSE, json, end);
  return writeQuotedBase64(UNSTRUCT_START, json, end, into, at);
}

/**
 * Writes the `cx` value: a JSON string holding the base64url of the entities' `contexts`
 * envelope, without making either text.
 *
 * @param entities - the entities as texts or parts, or the one entity.
 * @param roomBytes - at least the UTF-8 size of the JSON text (its base64 size will do).
 * @returns the offset after the closing quote.
 */
export function writeContextsBase64(
  entities: EntityText | readonly EntityText[],
  roomBytes: number,
  into: Uint8Array,
  at: number,
): number {
  const json = scratchBytes(roomBytes);
  let end = writeBytes(CONTEXTS_START.rest, json, 0);
  end = writeEntities(entities, PLAIN_ENTITY, json, end);
  end = writeBytes(CONTEXTS_CLOSE, json, end);
  return writeQuotedBase64(CONTEXTS_START, json, end, into, at);
}

// A quote, the encoded constant start, the encoding of `json[0, end)`, a quote.
function writeQuotedBase64(
  start: Base64Start,
  json: Uint8Array,
  end: number,
  into: Uint8Array,
  at: number,
): number {
  into[at] = 34; // "
  let to = writeBytes(start.encoded, into, at + 1);
  // A Buffer's native encoder, then one native write, beats the loop several times over.
  const native = nativeBase64Url(json, 0, end);
  to = native === undefined ? writeBase64Url(json, 0, end, into, to) : writeUtf8(native, into, to);
  into[to] = 34;
  return to + 1;
}
