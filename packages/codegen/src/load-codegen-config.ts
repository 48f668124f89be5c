import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ALIAS_KEYS, type AliasConfig, CODEGEN_KEYS, type CodegenConfig } from './codegen-config';
import { CodegenError } from './codegen-error';
import { aliasNames } from './naming';
import { nearestName } from './nearest-name';

/** A loaded config: the `codegen` section and the folder its relative paths start from. */
export interface LoadedCodegenConfig {
  readonly config: CodegenConfig;
  /** Absolute folder of the config file. */
  readonly baseDir: string;
  /** Absolute path of the config file. */
  readonly file: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

const IGLU_URI = /^iglu:[a-zA-Z0-9_.-]+\/[a-zA-Z0-9_-]+\/jsonschema\/\d+-\d+-\d+$/;

function fail(file: string, message: string): never {
  throw new CodegenError('invalid_config', `${file}: ${message}`);
}

// A misspelt key would otherwise be ignored and its setting silently lost (`"outDir"` for `"out"`).
function checkKeys(
  file: string,
  where: string,
  value: Record<string, unknown>,
  known: readonly string[],
): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const near = nearestName(key, known);
    const hint = near ? `did you mean "${near}"?` : `valid keys: ${known.join(', ')}`;
    fail(file, `${where} has no key "${key}"; ${hint}`);
  }
}

function checkAlias(file: string, name: string, alias: unknown): AliasConfig {
  const where = `codegen.aliases.${name}`;
  if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) {
    fail(file, `${where}: alias names are PascalCase letters and digits (e.g. LinkClick)`);
  }
  if (!isObject(alias)) fail(file, `${where} must be an object with a "uri"`);
  checkKeys(file, where, alias, ALIAS_KEYS);
  if (typeof alias.uri !== 'string' || !IGLU_URI.test(alias.uri)) {
    fail(file, `${where}.uri must be an iglu:VENDOR/NAME/jsonschema/M-R-A URI`);
  }
  for (const list of ['generateUuid', 'require'] as const) {
    if (alias[list] !== undefined && !isStringList(alias[list])) {
      fail(file, `${where}.${list} must be a list of property names`);
    }
  }
  if (alias.entity !== undefined && typeof alias.entity !== 'boolean') {
    fail(file, `${where}.entity must be true or false`);
  }
  if (alias.description !== undefined && typeof alias.description !== 'string') {
    fail(file, `${where}.description must be a string`);
  }
  return alias as unknown as AliasConfig;
}

/**
 * Checks a parsed `codegen` section and returns it typed; every problem is a
 * {@link CodegenError} with code `invalid_config` naming the field. An unknown key is an error
 * that names the nearest valid key, so a misspelling never silently falls back to a default.
 *
 * @param value - the parsed `codegen` section (or `undefined` for none)
 * @param file - the file name used in messages
 */
export function parseCodegenConfig(value: unknown, file = 'floe.config.json'): CodegenConfig {
  if (value === undefined) return {};
  if (!isObject(value)) fail(file, '"codegen" must be an object');
  checkKeys(file, 'codegen', value, CODEGEN_KEYS);
  for (const key of ['schemas', 'out', 'command', 'specs'] as const) {
    if (value[key] !== undefined && typeof value[key] !== 'string') {
      fail(file, `codegen.${key} must be a string`);
    }
  }
  if (value.validators !== undefined && value.validators !== false) {
    if (typeof value.validators !== 'string' || !/^[\w.-]+\.ts$/.test(value.validators)) {
      fail(file, 'codegen.validators must be a file name ending in .ts, or false');
    }
  }
  const extension = value.importExtension;
  if (extension !== undefined && extension !== '.js' && extension !== 'none') {
    fail(file, 'codegen.importExtension must be ".js" or "none"');
  }
  const policy = value.additionalProperties;
  if (policy !== undefined && policy !== 'closed' && policy !== 'open') {
    fail(file, 'codegen.additionalProperties must be "closed" or "open"');
  }
  if (value.registries !== undefined && !isStringList(value.registries)) {
    fail(file, 'codegen.registries must be a list of folders');
  }
  const aliases: Record<string, AliasConfig> = {};
  const taken = new Map<string, string>();
  if (value.aliases !== undefined) {
    if (!isObject(value.aliases)) fail(file, 'codegen.aliases must be an object');
    for (const name of Object.keys(value.aliases).sort()) {
      aliases[name] = checkAlias(file, name, value.aliases[name]);
      for (const exported of Object.values(aliasNames(name))) {
        const owner = taken.get(exported);
        if (owner) fail(file, `aliases ${owner} and ${name} both export ${exported}`);
        taken.set(exported, name);
      }
    }
  }
  return { ...(value as CodegenConfig), aliases };
}

/**
 * Reads `floe.config.json` (or any JSON file with a `codegen` section).
 *
 * @param file - path of the config file
 * @throws CodegenError `invalid_config` when the file is missing, not JSON or malformed
 * @example
 * const { config, baseDir } = await loadCodegenConfig('floe.config.json');
 */
export async function loadCodegenConfig(file: string): Promise<LoadedCodegenConfig> {
  const absolute = resolve(file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(absolute, 'utf8'));
  } catch (error) {
    fail(file, `cannot be read as JSON (${(error as Error).message})`);
  }
  if (!isObject(parsed)) fail(file, 'must hold a JSON object');
  // Other tools may keep sections of their own here, so only a near miss of "codegen" is an error.
  if (parsed.codegen === undefined) {
    const misspelt = Object.keys(parsed).find((key) => nearestName(key, ['codegen']));
    if (misspelt) fail(file, `has no section "${misspelt}"; did you mean "codegen"?`);
  }
  return {
    config: parseCodegenConfig(parsed.codegen, file),
    baseDir: dirname(absolute),
    file: absolute,
  };
}
