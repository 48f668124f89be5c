import type { KeysFragment } from './payload-text';
import { contextsText, type SelfDescribingParts, unstructEventText } from './self-describing-text';
import { utf8Length } from './utf8-length';

// The constant openings of the two envelopes and of a self-describing JSON, escaped once as the
// body of a JSON string.
const ESCAPED_UNSTRUCT_OPEN = escapeWhole(unstructEventText('')).slice(0, -1);
const ESCAPED_CONTEXTS_OPEN = escapeWhole(contextsText([])).slice(0, -2);
const SDJ_OPEN = '{"schema":"';
const ESCAPED_SDJ_OPEN = escapeWhole(SDJ_OPEN);
const DATA_KEY = '","data":';
const ESCAPED_DATA_KEY = escapeWhole(DATA_KEY);

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

// Escaping adds only ASCII backslashes and leaves other characters as they are, so the bytes a
// text has beyond one per code unit carry over to its escaped form unchanged.
function extraBytes(text: string): number {
  return utf8Length(text) - text.length;
}

/**
 * The `ue_pr` value as JSON string text (quotes included) and its UTF-8 size: the
 * `unstruct_event` envelope around the event, the same as
 * `JSON.stringify(unstructEventText(joinSelfDescribing(event)))`, with only the data escaped.
 *
 * @param event - output of `selfDescribingParts`.
 */
export function quotedUnstructEvent(event: SelfDescribingParts): KeysFragment {
  const text =
    '"' +
    ESCAPED_UNSTRUCT_OPEN +
    ESCAPED_SDJ_OPEN +
    event.schema +
    ESCAPED_DATA_KEY +
    escapeWhole(event.data) +
    '}}"';
  return { text, bytes: text.length + extraBytes(event.data) };
}

/**
 * The `co` value as JSON string text (quotes included) and its UTF-8 size: the `contexts`
 * envelope around the entities, the same as `JSON.stringify(contextsText(entityTexts))`.
 *
 * @param entityTexts - outputs of `selfDescribingText`, in wire order; at least one.
 */
export function quotedContexts(entityTexts: readonly string[]): KeysFragment {
  let body = '';
  let extra = 0;
  for (let i = 0; i < entityTexts.length; i++) {
    const entity = entityTexts[i] as string;
    body += (i === 0 ? '' : ',') + escapeSelfDescribingText(entity);
    extra += extraBytes(entity);
  }
  const text = '"' + ESCAPED_CONTEXTS_OPEN + body + ']}"';
  return { text, bytes: text.length + extra };
}
