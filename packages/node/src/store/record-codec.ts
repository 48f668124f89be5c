import { crc32 } from './crc32';

// Record layout, all integers little-endian:
//   0..2   magic 'FR'
//   2      type (1 = event, 2 = ack)
//   3      reserved, 0
//   4..8   body length in bytes
//   8..12  CRC-32 over bytes 2..8 and the body
//   12..   body (UTF-8 JSON)
// The magic and the checksum let recovery tell a torn tail (a record cut short by a crash) from
// damage in the middle of a file, and find the next intact record after damage.
const MAGIC_0 = 0x46;
const MAGIC_1 = 0x52;
/** Bytes before a record's body. */
export const RECORD_HEADER_BYTES = 12;
/** No record body is larger: events are capped at 1,000,000 B and ack records are chunked. */
export const MAX_RECORD_BODY = 16 * 1024 * 1024;

/** Record type of an event. */
export const RECORD_EVENT = 1;
/** Record type of an acknowledgement (a list of sequence numbers that are gone). */
export const RECORD_ACK = 2;

/** One decoded record: its type, body and where it sits in the file. */
export interface DecodedRecord {
  readonly type: number;
  readonly body: Buffer;
  readonly offset: number;
  readonly length: number;
}

/** A stretch of bytes that decoded as nothing. */
export interface DamagedStretch {
  readonly start: number;
  readonly end: number;
}

/** The result of reading a whole queue file. */
export interface DecodedFile {
  readonly records: DecodedRecord[];
  /** End of the last intact record; a torn tail starts here. */
  readonly validEnd: number;
  /** Whether the file ends in a partial record (a write cut short), which is simply skipped. */
  readonly tornTail: boolean;
  /** Stretches of undecodable bytes in the middle of the file (or a bad file header). */
  readonly damaged: DamagedStretch[];
}

/**
 * Encodes one record.
 *
 * @param type - {@link RECORD_EVENT} or {@link RECORD_ACK}.
 * @param body - the JSON text.
 * @returns the bytes to append.
 */
export function encodeRecord(type: number, body: string): Buffer {
  const length = Buffer.byteLength(body);
  const buf = Buffer.allocUnsafe(RECORD_HEADER_BYTES + length);
  buf[0] = MAGIC_0;
  buf[1] = MAGIC_1;
  buf[2] = type;
  buf[3] = 0;
  buf.writeUInt32LE(length, 4);
  buf.write(body, RECORD_HEADER_BYTES, 'utf8');
  buf.writeUInt32LE(crc32(buf.subarray(RECORD_HEADER_BYTES), crc32(buf.subarray(2, 8))), 8);
  return buf;
}

type Probe = { kind: 'ok'; record: DecodedRecord } | { kind: 'torn' } | { kind: 'bad' };

/** Checks the record at `pos`: intact, a plausible partial record at the end, or garbage. */
function probe(buf: Buffer, pos: number): Probe {
  const left = buf.length - pos;
  if (left < RECORD_HEADER_BYTES) {
    return isPartialHeader(buf, pos) ? { kind: 'torn' } : { kind: 'bad' };
  }
  const type = buf[pos + 2];
  const length = buf.readUInt32LE(pos + 4);
  const plausible =
    buf[pos] === MAGIC_0 &&
    buf[pos + 1] === MAGIC_1 &&
    (type === RECORD_EVENT || type === RECORD_ACK) &&
    buf[pos + 3] === 0 &&
    length <= MAX_RECORD_BODY;
  if (!plausible) return isZeroTail(buf, pos) ? { kind: 'torn' } : { kind: 'bad' };
  const end = pos + RECORD_HEADER_BYTES + length;
  if (end > buf.length) return { kind: 'torn' };
  const body = buf.subarray(pos + RECORD_HEADER_BYTES, end);
  const sum = crc32(body, crc32(buf.subarray(pos + 2, pos + 8)));
  if (sum !== buf.readUInt32LE(pos + 8)) {
    // A last record whose bytes never fully reached the disk (power loss) looks like this too.
    return end === buf.length ? { kind: 'torn' } : { kind: 'bad' };
  }
  return { kind: 'ok', record: { type: type!, body, offset: pos, length: end - pos } };
}

function isPartialHeader(buf: Buffer, pos: number): boolean {
  if (isZeroTail(buf, pos)) return true;
  if (buf.length > pos && buf[pos] !== MAGIC_0) return false;
  return !(buf.length > pos + 1 && buf[pos + 1] !== MAGIC_1);
}

function isZeroTail(buf: Buffer, pos: number): boolean {
  for (let i = pos; i < buf.length; i++) if (buf[i] !== 0) return false;
  return true;
}

/** Finds the next offset after `from` where an intact record starts, or -1. */
function resync(buf: Buffer, from: number): number {
  let at = buf.indexOf(MAGIC_0, from);
  while (at !== -1) {
    if (probe(buf, at).kind === 'ok') return at;
    at = buf.indexOf(MAGIC_0, at + 1);
  }
  return -1;
}

/**
 * Decodes every record of a queue file. Never throws: damage is reported in the result.
 *
 * @param buf - the whole file.
 * @param fileMagic - the header every file of this kind starts with.
 * @returns the intact records, the torn-tail flag and the damaged stretches.
 */
export function decodeFile(buf: Buffer, fileMagic: Buffer): DecodedFile {
  const records: DecodedRecord[] = [];
  const damaged: DamagedStretch[] = [];
  if (buf.length < fileMagic.length) {
    // A file cut short while its header was written holds no record yet.
    const prefix = buf.equals(fileMagic.subarray(0, buf.length)) || isZeroTail(buf, 0);
    if (!prefix) damaged.push({ start: 0, end: buf.length });
    return { records, validEnd: 0, tornTail: prefix && buf.length > 0, damaged };
  }
  let pos = fileMagic.length;
  if (!buf.subarray(0, fileMagic.length).equals(fileMagic)) {
    const next = resync(buf, 0);
    damaged.push({ start: 0, end: next === -1 ? buf.length : next });
    if (next === -1) return { records, validEnd: 0, tornTail: false, damaged };
    pos = next;
  }
  let validEnd = pos;
  let tornTail = false;
  while (pos < buf.length) {
    const result = probe(buf, pos);
    if (result.kind === 'ok') {
      records.push(result.record);
      pos += result.record.length;
      validEnd = pos;
      continue;
    }
    const next = resync(buf, pos + 1);
    if (result.kind === 'torn' && next === -1) {
      tornTail = true;
      break;
    }
    damaged.push({ start: pos, end: next === -1 ? buf.length : next });
    if (next === -1) break;
    pos = next;
  }
  return { records, validEnd, tornTail, damaged };
}
