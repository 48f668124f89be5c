import { readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { LoadedSpec } from './loaded-spec';
import { parseSpecFile } from './parse-spec-file';
import type { SpecIssue } from './spec-issue';

/** The specs of a folder and every finding made while reading them. */
export interface SpecContents {
  /** Usable specs, sorted by name. */
  readonly specs: LoadedSpec[];
  readonly issues: SpecIssue[];
}

const isSpecFile = (name: string): boolean => name.endsWith('.json');

function finish(files: { file: string; text: string }[], issues: SpecIssue[]): SpecContents {
  const specs: LoadedSpec[] = [];
  const owners = new Map<string, string>();
  for (const { file, text } of files) {
    const parsed = parseSpecFile({ file, text });
    issues.push(...parsed.issues);
    const loaded = parsed.loaded;
    if (!loaded) continue;
    const owner = owners.get(loaded.spec.name);
    if (owner) {
      const location = loaded.locations.get('/name');
      issues.push({
        level: 'error',
        code: 'specDuplicate',
        message: `spec name ${loaded.spec.name} is also used by ${owner}; names must be unique`,
        file,
        spec: loaded.spec.name,
        pointer: '/name',
        ...location,
      });
      continue;
    }
    owners.set(loaded.spec.name, file);
    specs.push(loaded);
  }
  specs.sort((a, b) => (a.spec.name < b.spec.name ? -1 : a.spec.name > b.spec.name ? 1 : 0));
  return { specs, issues };
}

const unreadable = (path: string, error: unknown): SpecIssue => ({
  level: 'error',
  code: 'Unreadable',
  message: `${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
  file: path,
});

/**
 * Reads every `*.json` file directly inside a specs folder (sorted by file name) and checks each
 * on its own (see `parseSpecFile`) and the names across files. A bad file becomes findings,
 * never an exception.
 *
 * @param dir - the specs folder (e.g. `specs/` beside `schemas/`)
 * @example
 * const { specs, issues } = await readSpecs('specs');
 */
export async function readSpecs(dir: string): Promise<SpecContents> {
  const root = resolve(dir);
  const issues: SpecIssue[] = [];
  let names: string[];
  try {
    names = (await readdir(root)).filter(isSpecFile).sort();
  } catch (error) {
    return { specs: [], issues: [unreadable(root, error)] };
  }
  const files: { file: string; text: string }[] = [];
  for (const name of names) {
    const file = join(root, name);
    try {
      files.push({ file, text: await readFile(file, 'utf8') });
    } catch (error) {
      issues.push(unreadable(file, error));
    }
  }
  return finish(files, issues);
}

/**
 * Synchronous {@link readSpecs}, for callers that cannot await.
 *
 * @param dir - the specs folder
 */
export function readSpecsSync(dir: string): SpecContents {
  const root = resolve(dir);
  const issues: SpecIssue[] = [];
  let names: string[];
  try {
    names = readdirSync(root).filter(isSpecFile).sort();
  } catch (error) {
    return { specs: [], issues: [unreadable(root, error)] };
  }
  const files: { file: string; text: string }[] = [];
  for (const name of names) {
    const file = join(root, name);
    try {
      files.push({ file, text: readFileSync(file, 'utf8') });
    } catch (error) {
      issues.push(unreadable(file, error));
    }
  }
  return finish(files, issues);
}
