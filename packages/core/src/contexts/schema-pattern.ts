import { FloeError } from '../errors/floe-error';

const WORD = '[a-zA-Z0-9_-]+';
const PART = /^(\*|[a-zA-Z0-9_-]+)$/;
const NUMBER = /^(\*|[0-9]+)$/;

/**
 * Compiles an Iglu URI pattern with `*` wildcards into a regular expression matched against whole
 * schema URIs, as the Snowplow JavaScript tracker reads them. `*` replaces a whole vendor segment
 * (matching one or more segments), the name, the format, or one of the three version numbers.
 *
 * @param pattern - e.g. `iglu:com.acme/*\/jsonschema/1-*-*`.
 * @throws FloeError (`invalid_config`) when the pattern is not of that shape.
 */
export function compileSchemaPattern(pattern: string): RegExp {
  const [, vendor = '', name = '', format = '', version = ''] =
    /^iglu:([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(pattern) ?? [];
  const segments = vendor.split('.');
  const numbers = version.split('-');
  if (
    !segments.every((s) => PART.test(s)) ||
    !PART.test(name) ||
    !PART.test(format) ||
    numbers.length !== 3 ||
    !numbers.every((n) => NUMBER.test(n))
  ) {
    throw new FloeError(
      'invalid_config',
      `${pattern} is not an Iglu schema pattern (iglu:vendor/name/format/M-R-A, * allowed per part)`,
    );
  }
  const any = (part: string, wildcard: string): string => (part === '*' ? wildcard : part);
  const source = [
    segments.map((s) => any(s, '[a-zA-Z0-9_.-]+')).join('\\.'),
    any(name, WORD),
    any(format, WORD),
    numbers.map((n) => any(n, '[0-9]+')).join('-'),
  ].join('/');
  return new RegExp(`^iglu:${source}$`);
}
