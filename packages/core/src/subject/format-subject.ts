import type { FieldRule } from '../payload/field-rules';
import { formatField } from '../payload/format-field';
import { InvalidEventError } from '../payload/invalid-event-error';
import type { Platform } from '../protocol/platform-code';
import type { Dimensions, SubjectFields } from '../tracker/subject-fields';

/** The subject as payload keys and wire strings, ready to copy onto an event. */
export type SubjectPayload = Readonly<Record<string, string>>;

type PlainField = Exclude<
  keyof SubjectFields,
  'platform' | 'screenResolution' | 'viewport' | 'documentSize' | 'sessionId' | 'sessionIndex'
>;

// Subject field → payload key (tracker protocol §1.3) and the enriched field's limits.
const PLAIN_FIELDS: ReadonlyArray<readonly [PlainField, string, FieldRule]> = [
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

const DIMENSION_FIELDS = [
  ['screenResolution', 'res'],
  ['viewport', 'vp'],
  ['documentSize', 'ds'],
] as const;

const PLATFORMS: ReadonlySet<string> = new Set<Platform>([
  'web',
  'srv',
  'mob',
  'pc',
  'app',
  'tv',
  'cnsl',
  'iot',
  'headset',
]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether `value` is a platform code the pipeline accepts (tracker protocol §1.2).
 *
 * @param value - any value.
 */
export function isPlatform(value: unknown): value is Platform {
  return typeof value === 'string' && PLATFORMS.has(value);
}

/**
 * Formats subject fields as payload keys (tracker protocol §1.3). Absent fields produce no key, so
 * merging two results with a spread merges field by field.
 *
 * @param subject - typed subject fields.
 * @returns a new object; the input is not touched.
 * @throws InvalidEventError for a value of the wrong type or over its enriched field's length,
 *   a session id that is not a UUID, or a session index that is not a positive integer.
 */
export function formatSubject(subject: SubjectFields): SubjectPayload {
  const out: Record<string, string> = {};
  for (const [field, key, rule] of PLAIN_FIELDS) {
    const value = formatField(key, subject[field], rule);
    if (value !== undefined) out[key] = value;
  }
  for (const [field, key] of DIMENSION_FIELDS) {
    const value = subject[field];
    if (value !== undefined && value !== null) out[key] = formatDimensions(key, value);
  }
  const { platform, sessionId, sessionIndex } = subject;
  if (platform !== undefined) {
    if (!isPlatform(platform))
      throw new InvalidEventError(`p: ${String(platform)} is not a platform`);
    out['p'] = platform;
  }
  if (sessionId !== undefined && sessionId !== '') {
    if (typeof sessionId !== 'string' || !UUID.test(sessionId)) {
      throw new InvalidEventError('sid: the session id must be a UUID');
    }
    out['sid'] = sessionId;
  }
  if (sessionIndex !== undefined) {
    if (!Number.isInteger(sessionIndex) || sessionIndex < 1 || sessionIndex > 2_147_483_647) {
      throw new InvalidEventError(`vid: ${String(sessionIndex)} is not a positive integer`);
    }
    out['vid'] = String(sessionIndex);
  }
  return out;
}

// `<w>x<h>`; fractional sizes (zoomed or scaled screens) are rounded like scroll offsets.
function formatDimensions(key: string, value: Dimensions): string {
  const width = Array.isArray(value) ? value[0] : undefined;
  const height = Array.isArray(value) ? value[1] : undefined;
  if (
    typeof width !== 'number' ||
    typeof height !== 'number' ||
    !(width >= 0 && width < 2 ** 31 && height >= 0 && height < 2 ** 31)
  ) {
    throw new InvalidEventError(`${key}: expected [width, height] in pixels`);
  }
  return `${Math.round(width)}x${Math.round(height)}`;
}
