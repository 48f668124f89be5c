import type { DeferredValue } from './deferred-text';
import { flatten } from './flatten';
import { utf8Constant, writeBytes } from './utf8-bytes';

/**
 * JSON text with its UTF-8 size: keys written once and copied into many payloads (`,"k":"v"`
 * pairs). An event kept in pieces points at the fragment itself, which writes its bytes from an
 * encoding made once: the tracker's header keys and a millisecond's `dtm` are shared by many events.
 */
export class KeysFragment implements DeferredValue {
  private encoded: Uint8Array | undefined;
  private closing: string | undefined;

  /**
   * @param text - the pairs, each with a leading comma.
   * @param bytes - UTF-8 bytes of `text`.
   */
  constructor(
    readonly text: string,
    readonly bytes: number,
  ) {}

  render(): string {
    return this.text;
  }

  /**
   * `"` and the pairs, flat, made once: what follows a plain value whose closing quote is still to
   * be written (see `PayloadText`), as one piece instead of two.
   */
  get closingText(): string {
    this.closing ??= flatten('"' + this.text);
    return this.closing;
  }

  writeTo(into: Uint8Array, at: number): number {
    this.encoded ??= utf8Constant(this.text);
    return writeBytes(this.encoded, into, at);
  }
}

/**
 * Two fragments as one: what a tracker's events copy in one piece (a millisecond's `dtm` and the
 * header keys), one `+=` and one rope node fewer per event than two.
 */
export function joinKeys(first: KeysFragment, second: KeysFragment): KeysFragment {
  return new KeysFragment(flatten(first.text + second.text), first.bytes + second.bytes);
}
