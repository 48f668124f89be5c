import { writeUtf8 } from './utf8-bytes';

/**
 * A value in an event's JSON text whose exact UTF-8 size is known when the event is tracked, and
 * whose characters are written only when the text is needed: the escaped (`ue_pr`, `co`) or
 * base64url (`ue_px`, `cx`) forms of self-describing JSON, the costliest part of an event to write.
 */
export interface DeferredValue {
  /** UTF-8 bytes of what {@link render} returns. */
  readonly bytes: number;
  /** The value as JSON text, quotes included (the same text on every call). */
  render(): string;
  /**
   * Writes the bytes of {@link render}'s text (exactly {@link bytes} of them) without making it.
   *
   * @returns the offset after the last byte written.
   */
  writeTo(into: Uint8Array, at: number): number;
}

/**
 * An event's compact JSON text, kept as its pieces until something reads it: flat strings and
 * {@link DeferredValue}s, in order. A tracked event is queued in this form, so `track()` pays for
 * measuring the event, and the writing happens when its batch is taken, which an emitter does
 * while its previous request is in flight.
 */
export class DeferredText {
  /** @param pieces - flat strings and deferred values; the array is kept, never copied. */
  constructor(private readonly pieces: readonly (string | DeferredValue)[]) {}

  /**
   * The text before the first deferred value: the event's type and id (a queue reads the id back
   * from it).
   */
  get head(): string {
    const first = this.pieces[0];
    return typeof first === 'string' ? first : '';
  }

  /**
   * Writes the text as UTF-8 bytes without its closing brace, the deferred values written too: a
   * POST body is written this way, straight from the events' pieces, with `stm` added to each.
   *
   * @returns the offset after the last byte written.
   */
  writeOpenTo(into: Uint8Array, at: number): number {
    let to = at;
    for (const piece of this.pieces) {
      to = typeof piece === 'string' ? writeUtf8(piece, into, to) : piece.writeTo(into, to);
    }
    // The last piece ends with the object's `}` (see PayloadText.finish): one byte, stepped back
    // over so that what follows writes over it.
    return to - 1;
  }

  /** The whole text, flat. */
  render(): string {
    const parts: string[] = [];
    for (const piece of this.pieces) parts.push(typeof piece === 'string' ? piece : piece.render());
    return parts.join('');
  }
}

/** An event's JSON text, written or still in pieces. */
export type EventText = string | DeferredText;

/**
 * Writes an event's text as UTF-8 bytes without its closing brace (see
 * {@link DeferredText.writeOpenTo}).
 *
 * @returns the offset after the last byte written.
 */
export function writeOpenText(text: EventText, into: Uint8Array, at: number): number {
  return typeof text === 'string' ? writeUtf8(text, into, at) - 1 : text.writeOpenTo(into, at);
}

/** The text of an {@link EventText}, writing it if it is still in pieces. */
export function renderEventText(text: EventText): string {
  return typeof text === 'string' ? text : text.render();
}
