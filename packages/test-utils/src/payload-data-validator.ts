import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { findRepoRoot } from './repo-root';

/** The result of validating a POST body against `payload_data` 1-0-4. */
export interface PayloadDataCheck {
  readonly valid: boolean;
  /** ajv's messages, e.g. `/0/vid must be string`. */
  readonly errors: readonly string[];
}

type Validate = ((data: unknown) => boolean) & {
  errors?: readonly { instancePath: string; message?: string }[] | null;
};

let compiled: Validate | undefined;

function compile(): Validate {
  if (compiled) return compiled;
  const file = join(
    findRepoRoot(),
    'fixtures/iglu-central/schemas/com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4',
  );
  const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  // `$schema` names Iglu's self-describing meta-schema, which ajv does not know; `self` is Iglu's.
  const { $schema: _meta, ...body } = schema;
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addKeyword('self');
  compiled = ajv.compile(body) as Validate;
  return compiled;
}

/**
 * Validates the `data` array of a tp2 POST body against the repo's copy of Iglu Central's
 * `payload_data` 1-0-4 (every value a string, only the 80 known keys, `tv`/`p`/`e` required), as
 * the pipeline does before anything else. One bad event fails the whole body.
 *
 * @param data - the body's `data` value.
 * @example
 * expect(validatePayloadData(JSON.parse(body).data).errors).toEqual([]);
 */
export function validatePayloadData(data: unknown): PayloadDataCheck {
  const validate = compile();
  if (validate(data)) return { valid: true, errors: [] };
  const errors = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
  return { valid: false, errors };
}
