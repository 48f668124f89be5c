import { type EntityForm, writeEntities } from './entity-bytes';
import { escapedLength } from './escaped-length';
import { writeIgluUri } from './iglu-uri-bytes';
import {
  contextsText,
  type EntityText,
  type SelfDescribingParts,
  unstructEventText,
} from './self-describing-text';
import { utf8Constant, writeBytes, writeEscapedUtf8 } from './utf8-bytes';

// The constant openings of the two envelopes and of a self-describing JSON, escaped once as the
// body of a JSON string.
const ESCAPED_UNSTRUCT_OPEN = escapeWhole(unstructEventText('')).slice(0, -1);
const ESCAPED_CONTEXTS_OPEN = escapeWhole(contextsText([])).slice(0, -2);
const SDJ_OPEN = '{"schema":"';
const ESCAPED_SDJ_OPEN = escapeWhole(SDJ_OPEN);
const DATA_KEY = '","data":';
const ESCAPED_DATA_KEY = escapeWhole(DATA_KEY);
// The constant parts the byte writers copy: before an event's URI, between it and the data, after
// the data; before the first entity and after the last.
const QUOTED_UNSTRUCT_OPEN = /* @__PURE__ */ utf8Constant(
  '"' + ESCAPED_UNSTRUCT_OPEN + ESCAPED_SDJ_OPEN,
);
const ESCAPED_DATA_KEY_BYTES = /* @__PURE__ */ utf8Constant(ESCAPED_DATA_KEY);
const QUOTED_UNSTRUCT_CLOSE = /* @__PURE__ */ utf8Constant('}}"');
const QUOTED_CONTEXTS_OPEN = /* @__PURE__ */ utf8Constant('"' + ESCAPED_CONTEXTS_OPEN);
const QUOTED_CONTEXTS_CLOSE = /* @__PURE__ */ utf8Constant(']}"');

/** Entities escaped as part of a JSON string (`co`): an Iglu URI needs no escaping. */
export const ESCAPED_ENTITY: EntityForm = {
  open: /* @__PURE__ */ utf8Constant(ESCAPED_SDJ_OPEN),
  dataKey: ESCAPED_DATA_KEY_BYTES,
  writeText: writeEscapedUtf8,
  textSize: escapedSelfDescribingLength,
  dataSize: (data) => escapedLength(data),
};

function escapeWhole(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

/**
 * A self-describing JSON text (`{"schema":…,"data":…}` from `selfDescribingText`) escaped as the
 * body of a JSON string. The result equals `JSON.stringify(text).slice(1, -1)`, but only the
 * data is run through the escaper: the opening is constant and an Iglu URI never needs escaping,
 * and escaping costs per character.
 */
export function escapeSelfDescribingText(text: string): string {
  const dataAt = text.indexOf(DATA_KEY, SDJ_OPEN.length);
  if (!text.startsWith(SDJ_OPEN) || dataAt < 0) return escapeWhole(text);
  return (
    ESCAPED_SDJ_OPEN +
    text.slice(SDJ_OPEN.length, dataAt) +
    ESCAPED_DATA_KEY +
    escapeWhole(text.slice(dataAt + DATA_KEY.length, -1)) +
    '}'
  );
}

/**
 * UTF-8 bytes of {@link escapeSelfDescribingText}'s result, counted without writing it. As there,
 * only the data is scanned: the opening and the URI count a byte a character, and the six quotes
 * of `{"schema":"` and `","data":` one more each.
 */
export function escapedSelfDescribingLength(text: string): number {
  const dataAt = text.indexOf(DATA_KEY, SDJ_OPEN.length);
  if (!text.startsWith(SDJ_OPEN) || dataAt < 0) return escapedLength(text);
  const from = dataAt + DATA_KEY.length;
  return from + 6 + escapedLength(text, from);
}

/**
 * The `ue_pr` value as JSON string text (quotes included): the `unstruct_event` envelope around
 * the event, the same as `JSON.stringify(unstructEventText(joinSelfDescribing(event)))`, with only
 * the data escaped. Its size is counted without writing it (see `deferred-envelopes.ts`).
 *
 * @param event - output of `selfDescribingParts`.
 */
export function quotedUnstructEvent(event: SelfDescribingParts): string {
  return (
    '"' +
    ESCAPED_UNSTRUCT_OPEN +
    ESCAPED_SDJ_OPEN +
    event.schema +
    ESCAPED_DATA_KEY +
    escapeWhole(event.data) +
    '}}"'
  );
}

/**
 * The `co` value as JSON string text (quotes included): the `contexts` envelope around the
 * entities, the same as `JSON.stringify(contextsText(entityTexts))`. Its size is counted without
 * writing it (see `deferred-envelopes.ts`).
 *
 * @param entityTexts - outputs of `selfDescribingText`, in wire order; at least one.
 */
export function quotedContexts(entityTexts: readonly string[]): string {
  let body = '';
  for (let i = 0; i < entityTexts.length; i++) {
    body += (i === 0 ? '' : ',') + escapeSelfDescribingText(entityTexts[i] as string);
  }
  return '"' + ESCAPED_CONTEXTS_OPEN + body + ']}"';
}

/**
 * Writes {@link quotedUnstructEvent}'s text as UTF-8 bytes, without making it.
 *
 * @returns the offset after the last byte written.
 */
export function writeQuotedUnstructEvent(
  event: SelfDescribingParts,
  into: Uint8Array,
  at: number,
): number {
  let to = writeBytes(QUOTED_UNSTRUCT_OPEN, into, at);
  to = writeIgluUri(event.schema, into, to);
  to = writeBytes(ESCAPED_DATA_KEY_BYTES, into, to);
  to = writeEscapedUtf8(event.data, into, to);
  return writeBytes(QUOTED_UNSTRUCT_CLOSE, into, to);
}

/**
 * Writes {@link quotedContexts}'s text as UTF-8 bytes, without making it.
 *
 * @param entities - the entities as texts or parts, or the one entity.
 */
export function writeQuotedContexts(
  entities: EntityText | readonly EntityText[],
  into: Uint8Array,
  at: number,
): number {
  let to = writeBytes(QUOTED_CONTEXTS_OPEN, into, at);
  to = writeEntities(entities, ESCAPED_ENTITY, into, to);
  return writeBytes(QUOTED_CONTEXTS_CLOSE, into, to);
}
