import { writeOpenText } from '../payload/deferred-text';
import { allocBytes, utf8Constant, writeBytes } from '../payload/utf8-bytes';
import type { QueuedEvent } from '../store/event-store';
import { PreparedEvent } from '../store/prepared-event';
import { BODY_END, BODY_START, eventJson, postBodyBytes } from './post-body';

/** Digits of `stm` a prepared body has room for: every ms time from 2001 to 2286. */
export const PREPARED_STM_DIGITS = 13;
/** What follows each event's text (its closing brace dropped) before the digits of `stm`. */
const STM_KEY = /* @__PURE__ */ utf8Constant(',"stm":"');
/** The placeholder digits and the event's closing. */
const STM_PLACEHOLDER_END = /* @__PURE__ */ utf8Constant(`${'0'.repeat(PREPARED_STM_DIGITS)}"}`);
const BODY_START_BYTES = /* @__PURE__ */ utf8Constant(BODY_START);
const BODY_END_BYTES = /* @__PURE__ */ utf8Constant(BODY_END);

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
      buffer = allocBytes(Math.max(bytes, MIN_BUFFER_BYTES));
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
 * The bytes are written straight from the pieces of the events' texts (see `DeferredText`),
 * deferred envelopes escaped or base64-encoded in place: preparing a batch makes no strings at
 * all, so the garbage collector has nothing to do while the collector works on the last request.
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
  if (events.length === 0) return undefined;
  const size = postBodyBytes(events, PREPARED_STM_DIGITS);
  const bytes = buffers.next(size);
  try {
    return writeBody(events, bytes, size);
  } catch {
    // A text longer than its size says ran past the buffer (a native write or copy throws there):
    // the batch is built as text at its turn, like any other layout that does not match.
    return undefined;
  }
}

function writeBody(
  events: readonly QueuedEvent[],
  bytes: Uint8Array,
  size: number,
): PreparedBody | undefined {
  const stmOffsets = new Array<number>(events.length);
  let at = writeBytes(BODY_START_BYTES, bytes, 0);
  for (let i = 0; i < events.length; i++) {
    if (i > 0) bytes[at++] = 44; // ,
    const event = events[i] as QueuedEvent;
    // `{}` would need `stm` without a comma before it: left to the text path (no tracked event
    // is empty).
    if (event.bytes <= 2) return undefined;
    const start = at;
    at = writeOpenText(event instanceof PreparedEvent ? event.source : eventJson(event), bytes, at);
    // A size that does not match its text would misplace every later `stm`.
    if (at - start !== event.bytes - 1) return undefined;
    at = writeBytes(STM_KEY, bytes, at);
    stmOffsets[i] = at;
    at = writeBytes(STM_PLACEHOLDER_END, bytes, at);
  }
  at = writeBytes(BODY_END_BYTES, bytes, at);
  if (at !== size) return undefined;
  return { bytes: bytes.subarray(0, at), stmOffsets, events: events.length };
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
