import { formatFields } from '../protocol/format-field';
import type { SubjectFields } from './subject-fields';

// Subject field → payload key (tracker protocol §1.3); each key's rule is in FIELD_RULES.
const SUBJECT_KEYS: Readonly<Record<string, string>> = {
  userId: 'uid',
  platform: 'p',
  screenResolution: 'res',
  viewport: 'vp',
  documentSize: 'ds',
  colorDepth: 'cd',
  timezone: 'tz',
  language: 'lang',
  charset: 'cs',
  domainUserId: 'duid',
  networkUserId: 'tnuid',
  sessionId: 'sid',
  sessionIndex: 'vid',
  ipAddress: 'ip',
  useragent: 'ua',
  cookiesEnabled: 'cookie',
};

/**
 * Formats subject fields as payload keys (tracker protocol §1.3). Absent fields produce no key, so
 * merging two results with a spread merges field by field. Unknown fields are ignored.
 *
 * @param subject - typed subject fields, if any.
 * @returns a new object; the input is not touched.
 * @throws FloeError (`invalid_event`) for a value of the wrong type or over its enriched field's
 *   length, a session id that is not a UUID, or a session index that is not a positive integer.
 */
export function formatSubject(subject: SubjectFields | undefined | null): Record<string, string> {
  const fields: Record<string, unknown> = {};
  for (const name in subject) {
    if (Object.hasOwn(SUBJECT_KEYS, name)) {
      fields[SUBJECT_KEYS[name]!] = subject[name as keyof SubjectFields];
    }
  }
  return formatFields({}, fields);
}
