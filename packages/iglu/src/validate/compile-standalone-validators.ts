import standaloneCode from 'ajv/dist/standalone/index.js';
import { compareSchemaKeys } from '../compare-schema-keys';
import type { Resolver } from '../create-resolver';
import { IgluError } from '../iglu-error';
import { addReferencedSchemas } from './add-referenced-schemas';
import { createAjv } from './create-ajv';
import { createMetaCheck } from './create-meta-check';
import { standalonePrelude } from './standalone-prelude';

/** Options of {@link compileStandaloneValidators}. */
export interface StandaloneOptions {
  /** Resolves the schemas and their remote `$ref` targets. */
  readonly resolver: Resolver;
  /** The `iglu:` URIs to include (order and duplicates do not matter). */
  readonly uris: readonly string[];
  /** Receives warnings, e.g. an unknown format, which the generated code does not check. */
  readonly onWarning?: (message: string) => void;
}

// ajv's generated code refers to its runtime helpers by require(); the prelude defines our own.
const RUNTIME_REPLACEMENTS: Readonly<Record<string, string>> = {
  'require("ajv/dist/runtime/ucs2length").default': 'floeCountCodePoints',
  'require("ajv/dist/runtime/equal").default': 'floeJsonEqual',
};

function compileModule(
  ajv: ReturnType<typeof createAjv>,
  refs: Record<string, string>,
  compiling: (uri: string) => void,
): string {
  for (const uri of Object.values(refs)) {
    compiling(uri);
    try {
      ajv.getSchema(uri);
    } catch (error) {
      throw new IgluError('compile_failed', `${uri}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
  return standaloneCode(ajv, refs);
}

/**
 * Precompiles validators into one self-contained ES module (ajv standalone code plus Floe's
 * prelude): no imports, no `eval` or `new Function` at run time, so it runs under a strict CSP
 * and on edge runtimes. It exports `validators`, keyed by Iglu URI in sorted order; each value is
 * `(data) => readonly { path, keyword, message }[]` with the same messages as
 * {@link createValidatorCompiler}. Same inputs give byte-identical output.
 *
 * @param options - the resolver and the URIs
 * @throws IgluError (or ResolutionError) naming the first schema that cannot be compiled
 * @example
 * writeFileSync('validators.mjs', compileStandaloneValidators({ resolver, uris }));
 */
export function compileStandaloneValidators(options: StandaloneOptions): string {
  const entries = [...new Set(options.uris)]
    .map((uri) => options.resolver.resolve(uri))
    .sort((a, b) => compareSchemaKeys(a.key, b.key));
  // The same meta-schema check as the runtime compiler, on its own instance so the meta-schemas
  // stay out of the generated module.
  const checkMeta = createMetaCheck(createAjv({ onWarning: () => undefined }), options.resolver);
  let current = '(schema)';
  const seen = new Set<string>();
  const onWarning = (message: string) => {
    const text = `${current}: ${message}`;
    if (!seen.has(text)) options.onWarning?.(text);
    seen.add(text);
  };
  const ajv = createAjv({ onWarning, standalone: true });
  const known = new Set<string>();
  const exportsByName: Record<string, string> = {};
  entries.forEach((entry, index) => {
    current = entry.uri;
    addReferencedSchemas(ajv, options.resolver, entry.schema, entry.uri, known);
    checkMeta(entry.schema, entry.uri);
    if (!known.has(entry.uri)) ajv.addSchema(entry.schema, entry.uri);
    known.add(entry.uri);
    exportsByName[`floeValidate${index}`] = entry.uri;
  });
  let code = compileModule(ajv, exportsByName, (uri) => {
    current = uri;
  }).replace(/^"use strict";\n?/, '');
  for (const [call, name] of Object.entries(RUNTIME_REPLACEMENTS))
    code = code.split(call).join(name);
  const leftover = /require\("([^"]+)"\)/.exec(code);
  if (leftover) {
    throw new IgluError(
      'compile_failed',
      `standalone code needs ${leftover[1]}, which Floe cannot inline; the schemas use a keyword it does not support precompiled`,
    );
  }
  const table = entries
    .map((entry, index) => `  ${JSON.stringify(entry.uri)}: floeWrap(floeValidate${index}),`)
    .join('\n');
  return `${standalonePrelude()}\n${code}\nexport const validators = {\n${table}\n};\n`;
}
