import { FloeError } from '../errors/floe-error';
import type { FieldRule } from '../protocol/field-rules';
import { formatField } from '../protocol/format-field';
import { isPlatform } from '../protocol/platform-code';
import type { Dimensions, SubjectFields } from './subject-fields';

// Subject field → payload key (tracker protocol §1.3) and the enriched field's limits.
const FIELDS: ReadonlyArray<readonly [keyof SubjectFields, string, FieldRule]> = [
  ['userId', 'uid', { kind: 'string', max: 255 }],
  ['colorDepth', 'cd', { kind: 'integer', max: 12 }],
  ['timezone', 'tz', { kind: 'string', max: 255 }],
  ['language', 'lang', { kind: 'string', max: 255 }],
  ['charset', 'cs', { kind: 'string', max: 128 }],
  ['domainUserId', 'duid', { kind: 'string', max: 128 }],
  // Floe sends an explicit network user id as `tnuid`, never `nuid` (§1.3).
  ['networkUserId', 'tnuid', { kind: 'string', max: 128 }],
  ['ipAddress', 'ip', { kind: 'string', max: 128 }],
  ['useragent', 'ua', { kind: 'string', max: 1000 }],
  ['cookiesEnabled', 'cookie', { kind: 'boolean' }],
];

const DIMENSIONS = [
  ['screenResolution', 'res'],
  ['viewport', 'vp'],
  ['documentSize', 'ds'],
] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Formats subject fields as payload keys (tracker protocol §1.3). Absent fields produce no key, so
 * merging two results with a spread merges field by field.
 *
 * @param subject - typed subject fields.
 * @returns a new object; the input is not touched.
 * @throws FloeError (`invalid_event`) for a value of the wrong type or over its enriched field's
 *   length, a session id that is not a UUID, or a session index that is not a positive integer.
 */
export function formatSubject(subject: SubjectFields): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, key, rule] of FIELDS) {
    const value = formatField(key, subject[field], rule);
    if (value !== undefined) out[key] = value;
  }
  for (const [field, key] of DIMENSIONS) {
    const value = subject[field];
    if (value !== undefined && value !== null) out[key] = formatDimensions(key, value);
  }
  const { platform, sessionId, sessionIndex } = subject;
  if (platform !== undefined) {
    if (!isPlatform(platform)) invalid(`p: ${platform} is not a platform`);
    out['p'] = platform;
  }
  if (sessionId !== undefined && sessionId !== '') {
    if (!UUID.test(sessionId)) invalid('sid: the session id must be a UUID');
    out['sid'] = sessionId;
  }
  if (sessionIndex !== undefined) {
    if (!(sessionIndex === (sessionIndex | 0) && sessionIndex > 0)) {
      invalid(`vid: ${sessionIndex} is not a positive integer`);
    }
    out['vid'] = String(sessionIndex);
  }
  return out;
}

// `<w>x<h>`; fractional sizes (zoomed or scaled screens) are rounded like scroll offsets.
function formatDimensions(key: string, value: Dimensions): string {
  const [width, height] = Array.isArray(value) ? value : [];
  if (!isPixels(width) || !isPixels(height)) invalid(`${key}: expected [width, height] in pixels`);
  return `${Math.round(width)}x${Math.round(height)}`;
}

function isPixels(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value < 2 ** 31;
}

function invalid(message: string): never {
  throw new FloeError('invalid_event', message);
}
