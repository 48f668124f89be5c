import { compile, type Options } from 'json-schema-to-typescript';
import { CodegenError } from './codegen-error';
import { indentCode } from './format-code';
import { isSchema, type MutableSchema, walkSchema } from './walk-schema';

const BASE_OPTIONS: Partial<Options> = {
  bannerComment: '',
  format: false,
  ignoreMinAndMaxItems: true,
  additionalProperties: true,
  unreachableDefinitions: true,
  declareExternallyReferenced: true,
  strictIndexSignatures: false,
  unknownAny: true,
  enableConstEnums: false,
  inferStringEnumKeysFromValues: false,
  cwd: '/',
  // Remote refs were inlined by normalizeSchema; nothing may be fetched or read from disk.
  $refOptions: { resolve: { http: false, file: false, external: false } },
};

const EXPORTED = /^export (?:interface|type|enum|const enum) ([A-Za-z_$][\w$]*)/gm;

// json-schema-to-typescript rewrites names (`R2f` → `R2F`, `_a` → `A`). The compiler sees
// placeholders that it leaves alone, and the real names are put back afterwards.
const PLACEHOLDER = 'FloeSchemaRoot';
const AFTER_PLACEHOLDER = new RegExp(`\\b${PLACEHOLDER}(?![A-Za-z0-9$])`, 'g');

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function withPlaceholders(schema: MutableSchema): {
  prepared: MutableSchema;
  real: Map<string, string>;
} {
  const definitions = isSchema(schema.definitions) ? schema.definitions : {};
  const names = Object.keys(definitions);
  // Nothing to rename: the compiler clones its input anyway, so no copy is needed here.
  if (names.length === 0) return { prepared: schema, real: new Map() };
  const placeholders = new Map(names.map((name, index) => [name, `${PLACEHOLDER}_D${index}`]));
  const pattern = new RegExp(`\\b(${names.map(escapeRegExp).join('|')})\\b`, 'g');
  const swap = (text: string): string =>
    text.replace(pattern, (name) => placeholders.get(name) ?? name);
  const prepared = structuredClone(schema);
  prepared.definitions = Object.fromEntries(
    names.map((name) => [placeholders.get(name)!, (prepared.definitions as MutableSchema)[name]]),
  );
  walkSchema(prepared, (site) => {
    if (typeof site.schema.$ref === 'string' && site.schema.$ref.startsWith('#/definitions/')) {
      site.schema.$ref = swap(site.schema.$ref);
    }
    if (typeof site.schema.tsType === 'string') site.schema.tsType = swap(site.schema.tsType);
  });
  return { prepared, real: new Map([...placeholders].map(([name, ph]) => [ph, name])) };
}

/**
 * Compiles a normalised schema to TypeScript declarations with json-schema-to-typescript and
 * indents them. Every declared name must be the schema's type name or start with it followed by
 * `_`; anything else would be an unversioned helper type, so it fails the schema.
 *
 * @param schema - output of `normalizeSchema` (definition keys are final type names)
 * @param rootName - the schema's type name
 * @returns the declarations and the names they export
 * @throws CodegenError `compile_failed`
 */
export async function compileTypes(
  schema: MutableSchema,
  rootName: string,
): Promise<{ code: string; names: string[] }> {
  if (JSON.stringify(schema).includes(PLACEHOLDER)) {
    throw new CodegenError(
      'compile_failed',
      `the schema contains the reserved word ${PLACEHOLDER}`,
    );
  }
  const { prepared, real } = withPlaceholders(schema);
  // Names from anywhere else (a pointer into the schema) go under the owner's namespace.
  const customName: Options['customName'] = (node, definitionKey) => {
    const name = definitionKey ?? (typeof node.$id === 'string' ? node.$id : undefined);
    if (!name || name === PLACEHOLDER || name.startsWith(`${PLACEHOLDER}_`)) return name;
    return `${PLACEHOLDER}_${name}`;
  };
  let compiled: string;
  try {
    compiled = await compile(prepared as Parameters<typeof compile>[0], PLACEHOLDER, {
      ...BASE_OPTIONS,
      customName,
    });
  } catch (error) {
    const reason = error instanceof Error && error.message ? error.message : String(error);
    throw new CodegenError('compile_failed', `json-schema-to-typescript failed: ${reason}`, {
      cause: error,
    });
  }
  const code = compiled
    .replace(new RegExp(`\\b${PLACEHOLDER}_D\\d+\\b`, 'g'), (ph) => real.get(ph) ?? ph)
    .replace(AFTER_PLACEHOLDER, rootName);
  const names = [...code.matchAll(EXPORTED)].map((match) => match[1]!);
  const stray = names.filter((name) => name !== rootName && !name.startsWith(`${rootName}_`));
  if (!names.includes(rootName) || stray.length > 0) {
    const found = names.join(', ') || 'nothing';
    throw new CodegenError(
      'compile_failed',
      `expected declarations named ${rootName} or ${rootName}_…, got ${found}`,
    );
  }
  return { code: indentCode(code), names };
}
