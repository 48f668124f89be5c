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

  /** The text before the first deferred value: the event's type, id, times and header keys. */
  get head(): string {
    const first = this.pieces[0];
    return typeof first === 'string' ? first : '';
  }

  /**
   * Pushes the text's pieces to `parts`, the deferred values written, without the closing brace:
   * a POST body is joined from the pieces of all its events, with `stm` added to each.
   */
  appendOpenTo(parts: string[]): void {
    const last = this.pieces.length - 1;
    this.pushWritten(parts, last);
    // The last piece is text ending with the object's `}` (see PayloadText.finish).
    const tail = this.pieces[last] as string;
    if (tail.length > 1) parts.push(tail.slice(0, -1));
  }

  /** The whole text, flat. */
  render(): string {
    const parts: string[] = [];
    this.pushWritten(parts, this.pieces.length);
    return parts.join('');
  }

  // Pushes the first `count` pieces, deferred values written.
  private pushWritten(parts: string[], count: number): void {
    for (let i = 0; i < count; i++) {
      const piece = this.pieces[i] as string | DeferredValue;
      parts.push(typeof piece === 'string' ? piece : piece.render());
    }
  }
}

/** An event's JSON text, written or still in pieces. */
export type EventText = string | DeferredText;

/**
 * Pushes an event's text to `parts` without its closing brace (see {@link DeferredText.appendOpenTo}).
 *
 * @param text - a JSON object's text, written or in pieces.
 */
export function appendOpenText(text: EventText, parts: string[]): void {
  if (typeof text === 'string') parts.push(text.slice(0, -1));
  else text.appendOpenTo(parts);
}

/** The text of an {@link EventText}, writing it if it is still in pieces. */
export function renderEventText(text: EventText): string {
  return typeof text === 'string' ? text : text.render();
}
