import { contextsText, type SelfDescribingParts, unstructEventText } from './self-describing-text';

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
