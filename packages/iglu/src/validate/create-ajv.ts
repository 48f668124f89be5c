import type { Options } from 'ajv';
import Ajv, { Name } from 'ajv-draft-04';
import { VALIDATOR_FORMATS } from './validator-formats';

/** The ajv class of the draft-04 dialect, with Iglu's keywords and Floe's formats. */
export type IgluAjv = Ajv;

/** Name under which precompiled modules define their format table (see compile-standalone). */
export const STANDALONE_FORMATS_NAME = 'floeFormats';

/**
 * Creates the one ajv configuration every Floe validator uses: draft-04, all errors, verbose
 * (errors carry the data, for readable messages), not strict, `self` known, the formats of
 * {@link VALIDATOR_FORMATS}; unknown formats go to `onWarning` and pass (decision 19).
 * Schemas are not checked against `$schema` by ajv: Iglu's `$schema` is the self-describing
 * meta-schema, which the compiler checks itself when a root holds it.
 *
 * @param options - `onWarning` receives ajv's warnings; `standalone` enables source output
 */
export function createAjv(options: {
  onWarning: (message: string) => void;
  standalone?: boolean;
}): IgluAjv {
  const settings: Options = {
    allErrors: true,
    verbose: true,
    strict: false,
    validateSchema: false,
    logger: {
      log: () => undefined,
      warn: (...args: unknown[]) => options.onWarning(args.map(String).join(' ')),
      error: (...args: unknown[]) => options.onWarning(args.map(String).join(' ')),
    },
  };
  // ajv's code optimisation pass halves compile speed for a small gain in run speed; it pays off
  // only for generated modules, which are compiled once and shipped.
  settings.code = options.standalone
    ? { source: true, esm: true, formats: new Name(STANDALONE_FORMATS_NAME) }
    : { optimize: false };
  const ajv = new Ajv(settings);
  // Iglu's `self` block is metadata: known, never validated against data.
  ajv.addKeyword('self');
  for (const [name, check] of Object.entries(VALIDATOR_FORMATS)) ajv.addFormat(name, check);
  return ajv;
}
