import type { ValidateFunction } from 'ajv';
import { DRAFT_04_META_SCHEMA_URI, SELF_DESCRIBING_META_SCHEMA_IGLU_URI } from '../constants';
import type { Resolver } from '../create-resolver';
import { IgluError } from '../iglu-error';
import type { JsonSchema } from '../json-schema';
import type { IgluAjv } from './create-ajv';
import { type AjvErrorLike, describeAjvError } from './describe-ajv-error';

/**
 * Builds the check every schema passes before it is compiled: a schema with a `self` block must
 * satisfy the self-describing meta-schema when a resolver root holds it (collector spec §4.1);
 * any other schema, or every schema when no root holds that meta-schema, must satisfy the
 * draft-04 meta-schema built into ajv-draft-04.
 *
 * @param ajv - the instance that compiles the meta-schemas
 * @param resolver - where the self-describing meta-schema may be found
 * @returns a function that throws IgluError `invalid_schema` naming the schema and every reason
 */
export function createMetaCheck(
  ajv: IgluAjv,
  resolver: Resolver,
): (schema: JsonSchema, label: string) => void {
  let selfDescribing: ValidateFunction | null | undefined;
  let draft04: ValidateFunction | undefined;
  return (schema, label) => {
    if (selfDescribing === undefined) {
      selfDescribing = null; // set first: compiling the meta-schema re-enters this check
      const meta = resolver.tryResolve(SELF_DESCRIBING_META_SCHEMA_IGLU_URI);
      if (meta) selfDescribing = ajv.compile(meta.schema);
    }
    draft04 ??= ajv.getSchema(DRAFT_04_META_SCHEMA_URI.replace(/#$/, ''));
    const check = 'self' in schema && selfDescribing ? selfDescribing : draft04;
    if (!check || check(schema)) return;
    const reasons = (check.errors ?? []).map((e) => describeAjvError(e as AjvErrorLike).message);
    const against = check === selfDescribing ? 'self-describing' : 'draft-04';
    throw new IgluError(
      'invalid_schema',
      `${label} is not a valid ${against} schema: ${reasons.join('; ')}`,
    );
  };
}
