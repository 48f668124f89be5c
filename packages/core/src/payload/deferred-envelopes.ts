import { base64UrlEncode } from './base64url';
import type { DeferredValue } from './deferred-text';
import { base64UrlLength, escapedLength } from './escaped-length';
import { quotedContexts, quotedUnstructEvent } from './quoted-envelope';
import {
  contextsText,
  joinSelfDescribing,
  type SelfDescribingParts,
  unstructEventText,
} from './self-describing-text';
import { utf8Length } from './utf8-length';

// What each envelope adds around its content, measured once on empty content. URIs are plain
// ASCII (they matched the Iglu pattern), so they count one byte per character.
const QUOTED_UNSTRUCT_OVERHEAD = quotedUnstructEvent({ schema: '', data: '' }).text.length;
const QUOTED_CONTEXTS_OVERHEAD = quotedContexts(['']).text.length;
const UNSTRUCT_OVERHEAD = unstructEventText(joinSelfDescribing({ schema: '', data: '' })).length;
const CONTEXTS_OVERHEAD = contextsText(['']).length;

/** `ue_pr`: the `unstruct_event` envelope escaped as a JSON string (see `quotedUnstructEvent`). */
class QuotedUnstructEvent implements DeferredValue {
  readonly bytes: number;
  readonly schema: string;
  readonly data: string;
  constructor(event: SelfDescribingParts) {
    this.schema = event.schema;
    this.data = event.data;
    this.bytes = QUOTED_UNSTRUCT_OVERHEAD + event.schema.length + escapedLength(event.data);
  }
  render(): string {
    return quotedUnstructEvent(this).text;
  }
}

/** `co`: the `contexts` envelope escaped as a JSON string (see `quotedContexts`). */
class QuotedContexts implements DeferredValue {
  readonly bytes: number;
  private readonly texts: readonly string[];
  constructor(texts: readonly string[]) {
    // Copied to an exact-size array: the caller's may have room to spare.
    this.texts = texts.slice();
    let bytes = QUOTED_CONTEXTS_OVERHEAD + texts.length - 1;
    for (const text of texts) bytes += escapedLength(text);
    this.bytes = bytes;
  }
  render(): string {
    return quotedContexts(this.texts).text;
  }
}

/** `ue_px`: the `unstruct_event` envelope in base64url, as a JSON string. */
class EncodedUnstructEvent implements DeferredValue {
  readonly bytes: number;
  readonly schema: string;
  readonly data: string;
  constructor(event: SelfDescribingParts) {
    this.schema = event.schema;
    this.data = event.data;
    const utf8 = UNSTRUCT_OVERHEAD + event.schema.length + utf8Length(event.data);
    this.bytes = base64UrlLength(utf8) + 2;
  }
  render(): string {
    return '"' + base64UrlEncode(unstructEventText(joinSelfDescribing(this))) + '"';
  }
}

/** `cx`: the `contexts` envelope in base64url, as a JSON string. */
class EncodedContexts implements DeferredValue {
  readonly bytes: number;
  private readonly texts: readonly string[];
  constructor(texts: readonly string[]) {
    this.texts = texts.slice();
    let utf8 = CONTEXTS_OVERHEAD + texts.length - 1;
    for (const text of texts) utf8 += utf8Length(text);
    this.bytes = base64UrlLength(utf8) + 2;
  }
  render(): string {
    return '"' + base64UrlEncode(contextsText(this.texts)) + '"';
  }
}

/**
 * The self-describing event of an event, written when the event's text is: escaped (`ue_pr`) or
 * base64url (`ue_px`), with its exact size now.
 *
 * @param event - output of `selfDescribingParts`; kept until the value is written.
 */
export function deferredUnstructEvent(
  event: SelfDescribingParts,
  encodeBase64: boolean,
): DeferredValue {
  return encodeBase64 ? new EncodedUnstructEvent(event) : new QuotedUnstructEvent(event);
}

/**
 * The entities of an event, written when the event's text is: escaped (`co`) or base64url
 * (`cx`), with their exact size now.
 *
 * @param texts - outputs of `selfDescribingText`, in wire order, at least one; the array is kept
 *   until the value is written and must not change.
 */
export function deferredContexts(texts: readonly string[], encodeBase64: boolean): DeferredValue {
  return encodeBase64 ? new EncodedContexts(texts) : new QuotedContexts(texts);
}
