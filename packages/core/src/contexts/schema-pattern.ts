import { TrackerConfigError } from '../tracker/tracker-config-error';

const WORD = '[a-zA-Z0-9_-]+';
const VENDOR_SEGMENT = /^(\*|[a-zA-Z0-9_-]+)$/;
const PART = /^(\*|[a-zA-Z0-9_-]+)$/;
const NUMBER = /^(\*|[0-9]+)$/;

/**
 * Compiles an Iglu URI pattern with `*` wildcards into a regular expression matched against whole
 * schema URIs. `*` replaces a whole vendor segment (matching one or more segments), the name, the
 * format, or one of the three version numbers.
 *
 * @param pattern - e.g. `iglu:com.acme/*\/jsonschema/1-*-*`.
 * @throws TrackerConfigError when the pattern is not of that shape.
 */
export function compileSchemaPattern(pattern: string): RegExp {
  const parts =
    typeof pattern === 'string' ? /^iglu:([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(pattern) : null;
  const version = parts?.[4]?.split('-') ?? [];
  const vendor = parts?.[1]?.split('.') ?? [];
  if (
    !parts ||
    version.length !== 3 ||
    !version.every((n) => NUMBER.test(n)) ||
    !vendor.every((s) => VENDOR_SEGMENT.test(s)) ||
    !PART.test(parts[2]!) ||
    !PART.test(parts[3]!)
  ) {
    throw new TrackerConfigError(
      `${String(pattern)} is not an Iglu schema pattern (iglu:vendor/name/format/M-R-A, * allowed per part)`,
    );
  }
  const vendorSource = vendor.map((s) => (s === '*' ? '[a-zA-Z0-9_.-]+' : s)).join('\\.');
  const part = (s: string): string => (s === '*' ? WORD : s);
  const versionSource = version.map((n) => (n === '*' ? '[0-9]+' : n)).join('-');
  return new RegExp(
    `^iglu:${vendorSource}/${part(parts[2]!)}/${part(parts[3]!)}/${versionSource}$`,
  );
}
