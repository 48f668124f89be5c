import type { ValidateFunction } from 'ajv';
import type { Resolver } from '../create-resolver';
import { IgluError } from '../iglu-error';
import { isJsonObject, type JsonSchema } from '../json-schema';
import { addReferencedSchemas } from './add-referenced-schemas';
import { createAjv } from './create-ajv';
import { createMetaCheck } from './create-meta-check';
import { type AjvErrorLike, describeAjvError } from './describe-ajv-error';
import { schemaLabel } from './schema-label';
import type { ValidateFn, ValidationIssue } from './validation-issue';

/** Compiles draft-04 validators for Iglu schemas. */
export interface ValidatorCompiler {
  /**
   * Returns the validator for an `iglu:` URI (resolved through the resolver) or a schema object.
   * Cached per URI and per schema object.
   * @throws ResolutionError when the URI does not resolve; IgluError `unresolved_ref` when a
   *   remote `$ref` has no local copy, `invalid_schema` when the schema fails the
   *   self-describing meta-schema, `compile_failed` for anything else ajv rejects
   */
  compile(uriOrSchema: string | JsonSchema): ValidateFn;
  /** Every warning so far (unknown formats, ignored keywords), each prefixed with its schema. */
  readonly warnings: readonly string[];
}

/** Options of {@link createValidatorCompiler}. */
export interface ValidatorCompilerOptions {
  /** Where schemas and their remote `$ref` targets come from. */
  readonly resolver: Resolver;
  /** Called once per new warning, e.g. for an unknown format (which then passes). */
  readonly onWarning?: (message: string) => void;
}

const toIssues = (validate: ValidateFunction): readonly ValidationIssue[] =>
  (validate.errors ?? []).map((error) => describeAjvError(error as AjvErrorLike));

/**
 * Creates a validator compiler: ajv 8, draft-04, all errors, readable messages, Iglu refs
 * resolved locally, unknown formats warned about and passed (decision 19). Before compiling,
 * a schema with a `self` block is checked against the self-describing meta-schema when a root
 * holds it; other schemas (and all, without it) against the draft-04 meta-schema.
 *
 * @param options - the resolver, and `onWarning`
 * @example
 * const compiler = createValidatorCompiler({ resolver: createResolver({ roots: ['schemas'] }) });
 * const validate = compiler.compile('iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1');
 * validate({ targetUrl: 42 }); // [{ path: '/targetUrl', message: '/targetUrl: must be string, found number', … }]
 */
export function createValidatorCompiler(options: ValidatorCompilerOptions): ValidatorCompiler {
  const warnings: string[] = [];
  let current = '(schema)';
  const ajv = createAjv({
    onWarning: (message) => {
      const text = `${current}: ${message}`;
      if (warnings.includes(text)) return;
      warnings.push(text);
      options.onWarning?.(text);
    },
  });
  const known = new Set<string>();
  const byUri = new Map<string, ValidateFn>();
  const bySchema = new WeakMap<object, ValidateFn>();
  const checkMeta = createMetaCheck(ajv, options.resolver);

  const build = (schema: JsonSchema, label: string): ValidateFn => {
    const cached = bySchema.get(schema);
    if (cached) return cached;
    const previous = current;
    current = label;
    try {
      addReferencedSchemas(ajv, options.resolver, schema, label, known);
      checkMeta(schema, label);
      let validate: ValidateFunction;
      try {
        validate = ajv.compile(schema);
      } catch (error) {
        throw new IgluError('compile_failed', `${label}: ${(error as Error).message}`, {
          cause: error,
        });
      }
      const fn: ValidateFn = (data) => (validate(data) ? [] : toIssues(validate));
      bySchema.set(schema, fn);
      return fn;
    } finally {
      current = previous;
    }
  };

  return {
    warnings,
    compile(uriOrSchema) {
      if (isJsonObject(uriOrSchema)) return build(uriOrSchema, schemaLabel(uriOrSchema));
      const entry = options.resolver.resolve(uriOrSchema);
      const cached = byUri.get(entry.uri);
      if (cached) return cached;
      const fn = build(entry.schema, entry.uri);
      byUri.set(entry.uri, fn);
      return fn;
    },
  };
}
