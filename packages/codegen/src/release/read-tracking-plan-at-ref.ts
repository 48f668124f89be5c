import { execFileSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { isJsonObject, type JsonSchema } from '@floe/iglu';
import { CodegenError } from '../codegen-error';
import type { PlanSpec } from './plan-spec';
import { parsePlanSpec } from './read-plan-specs';
import type { TrackingPlanSnapshot } from './tracking-plan-snapshot';

/** `VENDOR/NAME/jsonschema/M-R-A` inside a schemas folder. */
const SCHEMA_PATH = /^([^/]+)\/([^/]+)\/jsonschema\/(\d+-\d+-\d+)$/;

function git(cwd: string, args: readonly string[]): string {
  return execFileSync('git', [...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });
}

/** A folder's path inside the work tree, with forward slashes; it need not exist any more. */
function pathInRepo(top: string, path: string): string {
  const real = existsSync(path)
    ? realpathSync(path)
    : join(realpathSync(dirname(path)), basename(path));
  return relative(top, real).split(sep).join('/');
}

/** Every file under `folder` at `ref`, relative to the repository. */
function listFiles(top: string, ref: string, folder: string): string[] {
  const out = git(top, ['ls-tree', '-r', '-z', '--name-only', ref, '--', folder || '.']);
  return out.split('\0').filter(Boolean);
}

const show = (top: string, ref: string, path: string): string =>
  git(top, ['show', `${ref}:${path}`]);

function parseJson(ref: string, path: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CodegenError(
      'invalid_registry',
      `${path} at ${ref} cannot be read as JSON (${(error as Error).message})`,
    );
  }
}

/** Where the tracking plan lives; git finds the repository from the schemas folder. */
export interface TrackingPlanAtRefSource {
  readonly schemasDir: string;
  readonly specsDir: string;
  /** The config file whose aliases count, if there is one. */
  readonly configFile?: string;
}

/**
 * Reads the tracking plan as it was at a git ref (a tag such as `@acme/tracking@1.0.0`, a branch,
 * a commit), from git's objects: the work tree is not touched. Folders are the same paths inside
 * the repository as they are now.
 *
 * @param ref - the git ref
 * @param source - the schemas and specs folders and the config file, as they are now
 * @throws CodegenError `unknown_ref` when git does not know the ref or the folder is not in a
 *   git work tree
 */
export function readTrackingPlanAtRef(
  ref: string,
  source: TrackingPlanAtRefSource,
): TrackingPlanSnapshot {
  let top: string;
  try {
    top = realpathSync(git(source.schemasDir, ['rev-parse', '--show-toplevel']).trim());
    git(top, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw new CodegenError(
      'unknown_ref',
      `git ref "${ref}" is not known in the repository of ${source.schemasDir}`,
    );
  }
  const schemasFolder = pathInRepo(top, source.schemasDir);
  const schemas: Record<string, JsonSchema> = {};
  for (const path of listFiles(top, ref, schemasFolder)) {
    const inFolder = schemasFolder ? path.slice(schemasFolder.length + 1) : path;
    const match = SCHEMA_PATH.exec(inFolder);
    if (!match) continue;
    const schema = parseJson(ref, path, show(top, ref, path));
    if (isJsonObject(schema))
      schemas[`iglu:${match[1]}/${match[2]}/jsonschema/${match[3]}`] = schema;
  }
  const specsFolder = pathInRepo(top, source.specsDir);
  const specs: Record<string, PlanSpec> = {};
  for (const path of listFiles(top, ref, specsFolder)) {
    const inFolder = specsFolder ? path.slice(specsFolder.length + 1) : path;
    if (inFolder.includes('/') || !inFolder.endsWith('.json')) continue;
    const spec = parsePlanSpec(`${path} at ${ref}`, show(top, ref, path));
    specs[spec.name] = spec;
  }
  return {
    floeTrackingPlan: 1,
    schemas,
    specs,
    aliases: aliasesAtRef(top, ref, source.configFile),
  };
}

function aliasesAtRef(
  top: string,
  ref: string,
  configFile: string | undefined,
): Record<string, string> {
  if (!configFile) return {};
  const path = pathInRepo(top, configFile);
  let text: string;
  try {
    text = show(top, ref, path);
  } catch {
    return {}; // no config at that release: no aliases then
  }
  const config = parseJson(ref, path, text);
  const aliases =
    isJsonObject(config) && isJsonObject(config['codegen'])
      ? config['codegen']['aliases']
      : undefined;
  if (!isJsonObject(aliases)) return {};
  const uris: Record<string, string> = {};
  for (const [name, alias] of Object.entries(aliases)) {
    if (isJsonObject(alias) && typeof alias['uri'] === 'string') uris[name] = alias['uri'];
  }
  return uris;
}
