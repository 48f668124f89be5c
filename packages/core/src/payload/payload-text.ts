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
 * Whether `value` is printable ASCII but `"` and `\\`: its own JSON string body and its own UTF-8,
 * well-formed, one code point per character. Such a value can be written with
 * {@link PayloadText.putOpenedPlain}.
 */
export function isPlainText(value: string): boolean {
  return !NEEDS_ESCAPING_OR_COUNTING.test(value);
}

/**
 * A payload written straight to compact JSON text, key by key, with its exact UTF-8 size kept as
 * it grows. Building the text once replaces building an object and serialising it later: the
 * event's hot path has no `JSON.stringify` of the payload and no second pass to measure it.
 *
 * Keys are protocol keys, plain ASCII that needs no escaping. Values must be well-formed strings
 * (the field formatters guarantee it).
 *
 * A plain value's closing quote is written with whatever follows it (`","next":"`, `"}`), not on
 * its own: V8 keeps each `+=` of a long text as one more node of a rope, and flattening the
 * finished text costs per node, so every piece saved is time saved on every event.
 */
export class PayloadText {
  private text: string;
  private size: number;
  /** The last value written is plain and its closing quote is not written yet (but counted). */
  private quoteOpen: boolean;
  /** Text written before the first deferred value, flat, then deferred values and text between. */
  private pieces: (string | DeferredValue)[] | undefined;

  /**
   * @param opening - plain ASCII text the keys follow: `{"e":"se"` for a payload, `''` for a
   *   {@link KeysFragment}. Every key is written with a leading comma.
   * @param sharePieces - keep appended fragments as pieces of a {@link DeferredText} instead of
   *   copying them in, for an event whose text is deferred anyway: its queued form then points at
   *   the tracker's header keys rather than holding a copy of them.
   * @param quoteOpen - the opening ends inside a plain string value (`{"e":"se","eid":"` and the
   *   id) whose closing quote is still to be written.
   */
  constructor(
    opening: string,
    private readonly sharePieces = false,
    quoteOpen = false,
  ) {
    this.text = opening;
    this.quoteOpen = quoteOpen;
    this.size = quoteOpen ? opening.length + 1 : opening.length;
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
    if (!isPlainText(value)) {
      const quoted = JSON.stringify(value);
      this.text += this.openingQuoted(openings) + quoted;
      this.size += openings.beforeQuoted.length + utf8Length(quoted);
      return false;
    }
    this.putOpenedPlain(openings, value);
    return true;
  }

  /**
   * Appends `,"key":` and a value written only when the text is (see {@link DeferredValue}), with
   * its size counted now.
   */
  putDeferred(key: string, value: DeferredValue): void {
    const openings = keyOpenings(key);
    this.text += this.openingQuoted(openings);
    this.cut(value);
    this.size += openings.beforeQuoted.length + value.bytes;
  }

  /**
   * Appends `,"key":"value"` from the key's {@link KeyOpenings} for a value known to be plain text
   * (see {@link isPlainText}: a formatted number, a checked field), without checking it again.
   */
  putOpenedPlain(openings: KeyOpenings, value: string): void {
    this.text += this.quoteOpen ? openings.closingBeforePlain : openings.beforePlain;
    this.text += value;
    this.quoteOpen = true;
    this.size += openings.beforePlain.length + value.length + 1;
  }

  /** Appends pairs written earlier. */
  append(keys: KeysFragment): void {
    if (this.sharePieces) this.cut(keys);
    else if (this.quoteOpen) this.text += keys.closingText;
    else this.text += keys.text;
    this.quoteOpen = false;
    this.size += keys.bytes;
  }

  // `,"key":` for a quoted or deferred value, closing the plain value before it if it is open.
  private openingQuoted(openings: KeyOpenings): string {
    if (!this.quoteOpen) return openings.beforeQuoted;
    this.quoteOpen = false;
    return openings.closingBeforeQuoted;
  }

  // Ends the text written so far as a flat piece, and adds `piece` after it.
  private cut(piece: string | DeferredValue): void {
    if (this.pieces === undefined) this.pieces = [];
    const pieces = this.pieces;
    const before = this.written();
    if (before !== '') pieces.push(flatten(before));
    pieces.push(piece);
    this.text = '';
    this.quoteOpen = false;
  }

  /**
   * The pairs written so far, when this text was opened with `''`. Flat: a fragment is copied into
   * many events, and copying a rope walks its tree every time.
   */
  fragment(): KeysFragment {
    return new KeysFragment(flatten(this.textSoFar()), this.size);
  }

  /**
   * The JSON object: the text so far and a closing brace. Without deferred values it is one flat
   * string, so a queued event holds one buffer rather than a rope of pieces (half the memory), and
   * joining events into a POST body copies flat strings, several times faster than walking ropes.
   * With them it is a {@link DeferredText}, written when it is first read.
   */
  finish(): EventText {
    const last = flatten(this.text + (this.quoteOpen ? '"}' : '}'));
    if (this.pieces === undefined) return last;
    this.pieces.push(last);
    // Copied to an exact-size array: the one pushed to may hold room for 16 more.
    return new DeferredText(this.pieces.slice());
  }

  /** The JSON object so far, for a plugin that reads the payload before the build ends. */
  snapshot(): string {
    return this.textSoFar() + '}';
  }

  // The text since the last cut, its open quote closed.
  private written(): string {
    return this.quoteOpen ? this.text + '"' : this.text;
  }

  // Everything written so far, pieces included, its open quote closed.
  private textSoFar(): string {
    if (this.pieces === undefined) return this.written();
    return new DeferredText(this.pieces).render() + this.written();
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
