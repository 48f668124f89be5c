import { base64UrlEncode } from './base64url';
import type { DeferredValue } from './deferred-text';
import { writeContextsJson, writeQuotedBase64, writeUnstructEventJson } from './envelope-bytes';
import { base64UrlLength, escapedLength } from './escaped-length';
import {
  escapedSelfDescribingLength,
  quotedContexts,
  quotedUnstructEvent,
  writeQuotedContexts,
  writeQuotedUnstructEvent,
} from './quoted-envelope';
import {
  contextsText,
  joinSelfDescribing,
  type SelfDescribingParts,
  unstructEventText,
} from './self-describing-text';
import { scratchBytes } from './utf8-bytes';
import { utf8Length } from './utf8-length';

// What each envelope adds around its content, measured once on empty content. URIs are plain
// ASCII (they matched the Iglu pattern), so they count one byte per character.
const QUOTED_UNSTRUCT_OVERHEAD = quotedUnstructEvent({ schema: '', data: '' }).length;
const QUOTED_CONTEXTS_OVERHEAD = quotedContexts(['']).length;
const UNSTRUCT_OVERHEAD = unstructEventText(joinSelfDescribing({ schema: '', data: '' })).length;
const CONTEXTS_OVERHEAD = contextsText(['']).length;

/** `ue_pr` (escaped as a JSON string, see `quotedUnstructEvent`) or `ue_px` (base64url). */
class DeferredUnstructEvent implements DeferredValue {
  readonly bytes: number;
  readonly schema: string;
  readonly data: string;
  constructor(
    event: SelfDescribingParts,
    private readonly base64: boolean,
  ) {
    this.schema = event.schema;
    this.data = event.data;
    this.bytes = base64
      ? base64UrlLength(UNSTRUCT_OVERHEAD + event.schema.length + utf8Length(event.data)) + 2
      : QUOTED_UNSTRUCT_OVERHEAD + event.schema.length + escapedLength(event.data);
  }
  render(): string {
    if (!this.base64) return quotedUnstructEvent(this);
    return '"' + base64UrlEncode(unstructEventText(joinSelfDescribing(this))) + '"';
  }
  writeTo(into: Uint8Array, at: number): number {
    if (!this.base64) return writeQuotedUnstructEvent(this, into, at);
    // The JSON is no longer than its base64: `bytes` is room enough for it.
    const json = scratchBytes(this.bytes);
    return writeQuotedBase64(json, writeUnstructEventJson(this, json, 0), into, at);
  }
}

/** `co` (escaped as a JSON string, see `quotedContexts`) or `cx` (base64url). */
class DeferredContexts implements DeferredValue {
  readonly bytes: number;
  private readonly texts: readonly string[];
  constructor(
    texts: readonly string[],
    private readonly base64: boolean,
  ) {
    // Copied to an exact-size array: the caller's may have room to spare.
    this.texts = texts.slice();
    let bytes = texts.length - 1;
    for (const text of texts)
      bytes += base64 ? utf8Length(text) : escapedSelfDescribingLength(text);
    this.bytes = base64
      ? base64UrlLength(CONTEXTS_OVERHEAD + bytes) + 2
      : QUOTED_CONTEXTS_OVERHEAD + bytes;
  }
  render(): string {
    if (!this.base64) return quotedContexts(this.texts);
    return '"' + base64UrlEncode(contextsText(this.texts)) + '"';
  }
  writeTo(into: Uint8Array, at: number): number {
    if (!this.base64) return writeQuotedContexts(this.texts, into, at);
    const json = scratchBytes(this.bytes);
    return writeQuotedBase64(json, writeContextsJson(this.texts, json, 0), into, at);
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
  return new DeferredUnstructEvent(event, encodeBase64);
}

/**
 * The entities of an event, written when the event's text is: escaped (`co`) or base64url
 * (`cx`), with their exact size now.
 *
 * @param texts - outputs of `selfDescribingText`, in wire order, at least one (copied).
 */
export function deferredContexts(texts: readonly string[], encodeBase64: boolean): DeferredValue {
  return new DeferredContexts(texts, encodeBase64);
}
