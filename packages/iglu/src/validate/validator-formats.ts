import { fullFormats } from 'ajv-formats/dist/formats.js';
import { isDate, isDateTime, isRegex } from './portable-helpers';

/** A format check: a regular expression or a self-contained predicate. */
export type FormatCheck = RegExp | ((text: string) => boolean);

// Absolute URI (RFC 3986): a scheme, then only URI characters or %-escapes. Draft-04 `uri`
// means an absolute URI, so relative references fail.
const ABSOLUTE_URI =
  /^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]]|%[0-9A-Fa-f]{2})*$/;

function regexFormat(name: string): RegExp {
  const format = fullFormats[name as keyof typeof fullFormats];
  if (!(format instanceof RegExp)) throw new Error(`ajv-formats: ${name} is not a RegExp format`);
  return format;
}

/**
 * The formats validators enforce, named as in draft-04 plus `date` and `uuid` (which Iglu
 * schemas use widely) and `regex` (the draft-04 meta-schema uses it). Regular expressions come from ajv-formats (full mode) and are inlined
 * into precompiled modules as literals; `date` and `date-time` are Floe's own self-contained
 * predicates; `uri` is an absolute-URI expression. Any other format warns and passes
 * (decision 19).
 */
export const VALIDATOR_FORMATS: Readonly<Record<string, FormatCheck>> = {
  date: isDate,
  'date-time': isDateTime,
  email: regexFormat('email'),
  hostname: regexFormat('hostname'),
  ipv4: regexFormat('ipv4'),
  ipv6: regexFormat('ipv6'),
  regex: isRegex,
  uri: ABSOLUTE_URI,
  uuid: regexFormat('uuid'),
};
