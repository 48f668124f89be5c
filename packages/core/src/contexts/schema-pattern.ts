import { FloeError } from '../errors/floe-error';

// `*` may stand for a whole vendor segment, the name, the format or one version number.
const PART = '(\\*|[\\w-]+)';
const NUMBER = '(\\*|\\d+)';
const PATTERN = new RegExp(
  `^iglu:(${PART}\\.)*${PART}/${PART}/${PART}/${NUMBER}-${NUMBER}-${NUMBER}$`,
);

/**
 * Compiles an Iglu URI pattern with `*` wildcards into a regular expression matched against whole
 * schema URIs, as the Snowplow JavaScript tracker reads them. A vendor `*` matches one or more
 * segments (`iglu:com.acme.*\/…` matches `com.acme.shop.eu`).
 *
 * @param pattern - e.g. `iglu:com.acme/*\/jsonschema/1-*-*`.
 * @throws FloeError (`invalid_config`) when the pattern is not of that shape.
 */
export function compileSchemaPattern(pattern: string): RegExp {
  if (!PATTERN.test(pattern)) {
    throw new FloeError('invalid_config', `${pattern} is not an Iglu schema pattern`);
  }
  // The URIs it is matched against are valid Iglu URIs, so `*` need only stop at a `/`.
  return new RegExp(`^${pattern.replace(/\./g, '\\.').replace(/\*/g, '[^/]+')}$`);
}
