import { appendOpenText } from '../payload/deferred-text';
import type { QueuedEvent } from '../store/event-store';
import { PreparedEvent } from '../store/prepared-event';
import { BODY_END, BODY_START, ENVELOPE_BYTES, eventJson, postBodyBytes } from './post-body';

/** Digits of `stm` a prepared body has room for: every ms time from 2001 to 2286. */
export const PREPARED_STM_DIGITS = 13;
/** What closes each event in a prepared body: `stm` with room for its digits. */
const STM_PLACEHOLDER = `,"stm":"${'0'.repeat(PREPARED_STM_DIGITS)}"}`;
/** Bytes of `,"stm":"` before an event's digits. */
const STM_KEY_BYTES = ',"stm":"'.length;

// Typed structurally: under Node's or the DOM's types TextEncoder is a value, not only a class type.
let encoder:
  | { encodeInto(input: string, into: Uint8Array): { read: number; written: number } }
  | undefined;

/** Bytes a pooled body buffer has at least: a 40,000-byte body and room to spare. */
const MIN_BUFFER_BYTES = 64 * 1024;

/**
 * The buffers prepared bodies are written into, used in turn. A body is prepared only while every
 * request slot is busy and no other batch waits, so with one more buffer than slots the buffer
 * written next is never one a request in flight is still using. Reusing them keeps a 40 kB
 * allocation per request away from the garbage collector.
 */
export class BodyBuffers {
  private readonly buffers: Uint8Array[] = [];
  private turn = 0;

  /** @param count - request slots + 1. */
  constructor(private readonly count: number) {}

  /** The next buffer in turn, grown to at least `bytes`. */
  next(bytes: number): Uint8Array {
    const at = this.turn;
    this.turn = (at + 1) % this.count;
    let buffer = this.buffers[at];
    if (buffer === undefined || buffer.length < bytes) {
      buffer = new Uint8Array(Math.max(bytes, MIN_BUFFER_BYTES));
      this.buffers[at] = buffer;
    }
    return buffer;
  }
}

/** A POST body written as bytes ahead of its turn, with room for each event's `stm`. */
export interface PreparedBody {
  readonly bytes: Uint8Array;
  /** Where each event's `stm` digits start. */
  readonly stmOffsets: readonly number[];
  /** Events the body holds: it is only good for a batch of exactly these. */
  readonly events: number;
}

/**
 * Writes the POST body of `events` as UTF-8 bytes with a placeholder `stm` in every event, so
 * that the request for the batch can leave the moment its turn comes: only the digits of the
 * attempt's send time are written then (see {@link stampBody}).
 *
 * The body is joined straight from the pieces of the events' texts (see `DeferredText`): no
 * event's text is written out on its own first, so preparing a batch allocates little more than
 * the body itself, and the collector's wait sees fewer garbage collections.
 *
 * @param events - the batch, oldest first.
 * @param buffers - where the bytes are written.
 * @returns the body, or undefined when its layout is not the one expected (an empty event
 *   object, or sizes that do not match the texts): such a batch is built as text at its turn.
 */
export function prepareBody(
  events: readonly QueuedEvent[],
  buffers: BodyBuffers,
): PreparedBody | undefined {
  encoder ??= new TextEncoder();
  const textEncoder = encoder;
  const parts: string[] = [BODY_START];
  for (let i = 0; i < events.length; i++) {
    if (i > 0) parts.push(',');
    const event = events[i] as QueuedEvent;
    // `{}` would need `stm` without a comma before it: left to the text path (no tracked event
    // is empty).
    if (event.bytes <= 2) return undefined;
    appendOpenText(event instanceof PreparedEvent ? event.source : eventJson(event), parts);
    parts.push(STM_PLACEHOLDER);
  }
  parts.push(BODY_END);
  const size = postBodyBytes(events, PREPARED_STM_DIGITS);
  const buffer = buffers.next(size);
  const { written } = textEncoder.encodeInto(parts.join(''), buffer);
  const bytes = buffer.subarray(0, written);
  const stmOffsets = new Array<number>(events.length);
  // Each event is its text without the closing brace, `,"stm":"`, the digits and `"}`, then a
  // comma before the next one.
  let offset = ENVELOPE_BYTES - 2;
  for (let i = 0; i < events.length; i++) {
    offset += (events[i] as QueuedEvent).bytes - 1 + STM_KEY_BYTES;
    stmOffsets[i] = offset;
    offset += PREPARED_STM_DIGITS + 2 + 1;
  }
  // The last event has no comma after it; the envelope ends with `]}`.
  if (events.length === 0 || offset - 1 + 2 !== bytes.length) return undefined;
  return { bytes, stmOffsets, events: events.length };
}

/**
 * Writes this attempt's `stm` into a prepared body.
 *
 * @returns the body's bytes, or undefined when `stm` does not have the digits room was kept for
 *   (a clock far from now, such as a test's): the body is then built as text.
 */
export function stampBody(body: PreparedBody, stm: string): Uint8Array | undefined {
  if (stm.length !== PREPARED_STM_DIGITS) return undefined;
  const { bytes, stmOffsets } = body;
  for (const start of stmOffsets) {
    for (let i = 0; i < PREPARED_STM_DIGITS; i++) bytes[start + i] = stm.charCodeAt(i);
  }
  return bytes;
}
