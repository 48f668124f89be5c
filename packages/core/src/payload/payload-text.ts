import { DeferredText, type DeferredValue, type EventText } from './deferred-text';
import { flatten } from './flatten';
import { type KeyOpenings, keyOpenings } from './key-openings';
import { KeysFragment } from './keys-fragment';
import { utf8Length } from './utf8-length';

// Printable ASCII but `"` and `\`: such a string is its own JSON string body and its own UTF-8,
// so it is copied between quotes and counted by its length. Anything else (escapes, non-ASCII)
// goes through JSON.stringify and an exact byte count.
const NEEDS_ESCAPING_OR_COUNTING = /[^\x20\x21\x23-\x5b\x5d-\x7e]/;

/**
 * A payload written straight to compact JSON text, key by key, with its exact UTF-8 size kept as
 * it grows. Building the text once replaces building an object and serialising it later: the
 * event's hot path has no `JSON.stringify` of the payload and no second pass to measure it.
 *
 * Keys are protocol keys, plain ASCII that needs no escaping. Values must be well-formed strings
 * (the field formatters guarantee it).
 */
export class PayloadText {
  private text: string;
  private size: number;
  /** Text written before the first deferred value, flat, then deferred values and text between. */
  private pieces: (string | DeferredValue)[] | undefined;

  /**
   * @param opening - plain ASCII text the keys follow: `{"e":"se"` for a payload, `''` for a
   *   {@link KeysFragment}. Every key is written with a leading comma.
   * @param sharePieces - keep appended fragments as pieces of a {@link DeferredText} instead of
   *   copying them in, for an event whose text is deferred anyway: its queued form then points at
   *   the tracker's header keys rather than holding a copy of them.
   */
  constructor(
    opening: string,
    private readonly sharePieces = false,
  ) {
    this.text = opening;
    this.size = opening.length;
  }

  /** UTF-8 bytes of {@link finish}'s text. */
  get bytes(): number {
    return this.size + 1;
  }

  /**
   * Appends `,"key":"value"`.
   *
   * @returns whether the value went in as it is (printable ASCII needing no escape).
   */
  put(key: string, value: string): boolean {
    return this.putOpened(keyOpenings(key), value);
  }

  /**
   * Appends `,"key":"value"` from the key's {@link KeyOpenings}, made once: what an event's fields
   * are written with, so no per-key lookup happens per event.
   *
   * @returns whether the value went in as it is (printable ASCII needing no escape).
   */
  putOpened(openings: KeyOpenings, value: string): boolean {
    if (NEEDS_ESCAPING_OR_COUNTING.test(value)) {
      const quoted = JSON.stringify(value);
      this.text += openings.beforeQuoted + quoted;
      this.size += openings.beforeQuoted.length + utf8Length(quoted);
      return false;
    }
    this.text += openings.beforePlain + value + '"';
    this.size += openings.beforePlain.length + value.length + 1;
    return true;
  }

  /**
   * Appends `,"key":` and a value written only when the text is (see {@link DeferredValue}), with
   * its size counted now.
   */
  putDeferred(key: string, value: DeferredValue): void {
    const opening = keyOpenings(key).beforeQuoted;
    this.text += opening;
    this.cut(value);
    this.size += opening.length + value.bytes;
  }

  /**
   * Appends `,"key":"value"` for a value known to need no escaping and to be ASCII (an id from
   * Floe's own generator), without checking it.
   */
  putPlain(key: string, value: string): void {
    this.putOpenedPlain(keyOpenings(key), value);
  }

  /** {@link putPlain} from the key's {@link KeyOpenings}, made once. */
  putOpenedPlain(openings: KeyOpenings, value: string): void {
    this.text += openings.beforePlain + value + '"';
    this.size += openings.beforePlain.length + value.length + 1;
  }

  /** Appends pairs written earlier. */
  append(keys: KeysFragment): void {
    if (this.sharePieces) this.cut(keys);
    else this.text += keys.text;
    this.size += keys.bytes;
  }

  // Ends the text written so far as a flat piece, and adds `piece` after it.
  private cut(piece: string | DeferredValue): void {
    if (this.pieces === undefined) this.pieces = [];
    const pieces = this.pieces;
    if (this.text !== '') pieces.push(flatten(this.text));
    pieces.push(piece);
    this.text = '';
  }

  /**
   * The pairs written so far, when this text was opened with `''`. Flat: a fragment is copied into
   * many events, and copying a rope walks its tree every time.
   */
  fragment(): KeysFragment {
    return new KeysFragment(flatten(this.written()), this.size);
  }

  /**
   * The JSON object: the text so far and a closing brace. Without deferred values it is one flat
   * string, so a queued event holds one buffer rather than a rope of pieces (half the memory), and
   * joining events into a POST body copies flat strings, several times faster than walking ropes.
   * With them it is a {@link DeferredText}, written when it is first read.
   */
  finish(): EventText {
    const last = flatten(this.text + '}');
    if (this.pieces === undefined) return last;
    this.pieces.push(last);
    // Copied to an exact-size array: the one pushed to may hold room for 16 more.
    return new DeferredText(this.pieces.slice());
  }

  /** The JSON object so far, for a plugin that reads the payload before the build ends. */
  snapshot(): string {
    return this.written() + '}';
  }

  private written(): string {
    if (this.pieces === undefined) return this.text;
    return new DeferredText(this.pieces).render() + this.text;
  }
}

/**
 * Writes a record of string values as a {@link KeysFragment}, e.g. the tracker's header and
 * subject keys, which every event carries.
 *
 * @param record - protocol keys to well-formed string values.
 */
export function keysFragment(record: Readonly<Record<string, string>>): KeysFragment {
  const text = new PayloadText('');
  for (const key in record) text.put(key, record[key] as string);
  return text.fragment();
}
