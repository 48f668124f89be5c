import { PLAIN_ENTITY, writeContextsBase64, writeUnstructEventBase64 } from './base64-envelope';
import { base64UrlEncode } from './base64url';
import type { DeferredValue } from './deferred-text';
import { entitiesSize } from './entity-bytes';
import { base64UrlLength, escapedLength } from './escaped-length';
import {
  ESCAPED_ENTITY,
  quotedContexts,
  quotedUnstructEvent,
  writeQuotedContexts,
  writeQuotedUnstructEvent,
} from './quoted-envelope';
import {
  contextsText,
  type EntityText,
  entityJson,
  joinSelfDescribing,
  type SelfDescribingParts,
  unstructEventText,
} from './self-describing-text';
import { utf8Length } from './utf8-length';

// What each envelope adds around its content, measured once on empty content. URIs are plain
// ASCII (they matched the Iglu pattern), so they count one byte per character.
const QUOTED_UNSTRUCT_OVERHEAD = quotedUnstructEvent({ schema: '', data: '' }).length;
const QUOTED_CONTEXTS_OVERHEAD = quotedContexts(['']).length;
const UNSTRUCT_OVERHEAD = unstructEventText(joinSelfDescribing({ schema: '', data: '' })).length;
const CONTEXTS_OVERHEAD = contextsText(['']).length;

// One class per encoding, not one with a flag: a queued event keeps these objects, and a field
// less is 8 bytes less per event for the garbage collector to copy while a burst is queued.

/** The `unstruct_event` envelope of an event, with its exact size, written when asked. */
abstract class UnstructEnvelope implements DeferredValue {
  readonly bytes: number;
  readonly schema: string;
  readonly data: string;
  constructor(event: SelfDescribingParts) {
    this.schema = event.schema;
    this.data = event.data;
    this.bytes = this.measure();
  }
  protected abstract measure(): number;
  abstract render(): string;
  abstract writeTo(into: Uint8Array, at: number): number;
}

/** `ue_pr`: the envelope escaped as a JSON string (see `quotedUnstructEvent`). */
class QuotedUnstructEvent extends UnstructEnvelope {
  protected measure(): number {
    return QUOTED_UNSTRUCT_OVERHEAD + this.schema.length + escapedLength(this.data);
  }
  render(): string {
    return quotedUnstructEvent(this);
  }
  writeTo(into: Uint8Array, at: number): number {
    return writeQuotedUnstructEvent(this, into, at);
  }
}

/** `ue_px`: the envelope as base64url. */
class Base64UnstructEvent extends UnstructEnvelope {
  protected measure(): number {
    return base64UrlLength(UNSTRUCT_OVERHEAD + this.schema.length + utf8Length(this.data)) + 2;
  }
  render(): string {
    return '"' + base64UrlEncode(unstructEventText(joinSelfDescribing(this))) + '"';
  }
  writeTo(into: Uint8Array, at: number): number {
    // The JSON is no longer than its base64: `bytes` is room enough for it.
    return writeUnstructEventBase64(this, this.bytes, into, at);
  }
}

/** The entities of an event: the one entity itself (most events), or a list. */
type Entities = EntityText | readonly EntityText[];

const asTexts = (entities: Entities): readonly string[] =>
  Array.isArray(entities)
    ? (entities as readonly EntityText[]).map(entityJson)
    : [entityJson(entities as EntityText)];

/** The `contexts` envelope of an event's entities, with its exact size, written when asked. */
abstract class ContextsEnvelope implements DeferredValue {
  readonly bytes: number;
  protected readonly entities: Entities;
  constructor(entities: readonly EntityText[]) {
    // Copied to an exact-size array: the caller's may have room to spare.
    this.entities = entities.length === 1 ? (entities[0] as EntityText) : entities.slice();
    this.bytes = this.measure(entities);
  }
  protected abstract measure(entities: readonly EntityText[]): number;
  abstract render(): string;
  abstract writeTo(into: Uint8Array, at: number): number;
}

/** `co`: the envelope escaped as a JSON string (see `quotedContexts`). */
class QuotedContexts extends ContextsEnvelope {
  protected measure(entities: readonly EntityText[]): number {
    return QUOTED_CONTEXTS_OVERHEAD + entitiesSize(entities, ESCAPED_ENTITY);
  }
  render(): string {
    return quotedContexts(asTexts(this.entities));
  }
  writeTo(into: Uint8Array, at: number): number {
    return writeQuotedContexts(this.entities, into, at);
  }
}

/** `cx`: the envelope as base64url. */
class Base64Contexts extends ContextsEnvelope {
  protected measure(entities: readonly EntityText[]): number {
    return base64UrlLength(CONTEXTS_OVERHEAD + entitiesSize(entities, PLAIN_ENTITY)) + 2;
  }
  render(): string {
    return '"' + base64UrlEncode(contextsText(asTexts(this.entities))) + '"';
  }
  writeTo(into: Uint8Array, at: number): number {
    return writeContextsBase64(this.entities, this.bytes, into, at);
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
  return encodeBase64 ? new Base64UnstructEvent(event) : new QuotedUnstructEvent(event);
}

/**
 * The entities of an event, written when the event's text is: escaped (`co`) or base64url
 * (`cx`), with their exact size now.
 *
 * @param texts - the entities serialised, as texts or parts, in wire order, at least one (copied).
 */
export function deferredContexts(
  texts: readonly EntityText[],
  encodeBase64: boolean,
): DeferredValue {
  return encodeBase64 ? new Base64Contexts(texts) : new QuotedContexts(texts);
}
