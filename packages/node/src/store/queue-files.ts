import { join } from 'node:path';

/** Header of every segment file. */
export const SEGMENT_MAGIC = Buffer.from('FLOESEG1');
/** Header of the ack log. */
export const ACK_MAGIC = Buffer.from('FLOEACK1');
/** The ack log's file name. */
export const ACK_LOG = 'acks.log';

const SEGMENT_NAME = /^(\d{16})\.seg$/;

/** A segment file is named after the sequence number of its first event, zero-padded. */
export function segmentName(firstSeq: number): string {
  return `${String(firstSeq).padStart(16, '0')}.seg`;
}

/** The first sequence number of a segment file name, or undefined for other files. */
export function segmentFirstSeq(name: string): number | undefined {
  const match = SEGMENT_NAME.exec(name);
  return match ? Number(match[1]) : undefined;
}

/** A free `<name>.corrupt-<n>` path for quarantining a damaged file. */
export function quarantineName(dir: string, name: string, existing: ReadonlySet<string>): string {
  let n = 1;
  while (existing.has(`${name}.corrupt-${n}`)) n++;
  return join(dir, `${name}.corrupt-${n}`);
}

/** The fields of an event record's JSON body. */
export interface EventRecordBody {
  /** Sequence number: queue order, and the key ack records refer to. */
  readonly s: number;
  readonly e: string;
  readonly t: number;
  readonly b: number;
  readonly p: Readonly<Record<string, string>>;
}

/** Parses an event record body; undefined when it is not one. */
export function parseEventBody(body: Buffer): EventRecordBody | undefined {
  try {
    const value = JSON.parse(body.toString('utf8')) as Partial<EventRecordBody> | null;
    if (
      value &&
      typeof value.s === 'number' &&
      typeof value.e === 'string' &&
      typeof value.t === 'number' &&
      typeof value.b === 'number' &&
      typeof value.p === 'object' &&
      value.p !== null
    ) {
      return value as EventRecordBody;
    }
  } catch {
    // Falls through: an intact checksum over bytes that are not our JSON is still unreadable.
  }
  return undefined;
}

/**
 * The payload's JSON text of an event record, sliced out without parsing: every record is written
 * as `{"s":<seq>,"e":<eid>,"t":…,"b":…,"p":<payload>}` with the payload last, and its checksum has
 * already been verified. Undefined when the record is not the event `seq`/`eid` (a record read
 * from the wrong place) or not shaped so.
 *
 * @param body - the record body.
 * @param seq - the event's sequence number.
 * @param eid - the event's id.
 */
export function readEventJson(body: Buffer, seq: number, eid: string): string | undefined {
  const text = body.toString('utf8');
  if (!text.startsWith(`{"s":${seq},"e":${JSON.stringify(eid)},"t":`)) return undefined;
  const at = text.indexOf(',"p":{');
  return at === -1 || !text.endsWith('}}') ? undefined : text.slice(at + 5, -1);
}

/** Parses an ack record body (a JSON array of sequence numbers); undefined when it is not one. */
export function parseAckBody(body: Buffer): number[] | undefined {
  try {
    const value = JSON.parse(body.toString('utf8')) as unknown;
    if (Array.isArray(value) && value.every((s) => typeof s === 'number')) return value;
  } catch {
    // Falls through to undefined.
  }
  return undefined;
}
