import { readdirSync, readFileSync, statSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseSchemaFile } from './parse-schema-file';
import type { RegistryIssue } from './registry-issue';
import { classifyRegistryEntry, type RegistryFile } from './registry-layout';
import type { SchemaEntry } from './schema-entry';
import { sortSchemaEntries } from './sort-schema-entries';

/** The schemas of a registry folder and every layout issue found while reading it. */
export interface RegistryContents {
  schemas: SchemaEntry[];
  issues: RegistryIssue[];
}

function missingRoot(root: string, error: unknown): RegistryContents {
  const reason = (error as NodeJS.ErrnoException).code ?? String(error);
  const message = `registry folder ${root} cannot be read (${reason})`;
  return { schemas: [], issues: [{ level: 'error', code: 'NotFound', message, file: root }] };
}

function collect(
  files: RegistryFile[],
  texts: string[],
  issues: RegistryIssue[],
): RegistryContents {
  const schemas: SchemaEntry[] = [];
  files.forEach((found, index) => {
    const parsed = parseSchemaFile({ ...found, text: texts[index]! });
    if (parsed.entry) schemas.push(parsed.entry);
    issues.push(...parsed.issues);
  });
  return { schemas: sortSchemaEntries(schemas), issues };
}

/**
 * Reads every `jsonschema` file of an Iglu registry folder (`root/VENDOR/NAME/jsonschema/M-R-A`).
 * Other formats are ignored. Each file is parsed and checked (JSON, `self` equals the path,
 * exact `$schema`); a bad file becomes an issue, never an exception.
 *
 * @param root - the registry folder (e.g. `schemas/`)
 * @returns schemas sorted by vendor, name, format and SchemaVer, plus every issue
 * @example
 * const { schemas, issues } = await readRegistry('schemas');
 */
export async function readRegistry(root: string): Promise<RegistryContents> {
  const base = resolve(root);
  const files: RegistryFile[] = [];
  const issues: RegistryIssue[] = [];
  const walk = async (dir: string, segments: string[]): Promise<void> => {
    const names = (await readdir(dir)).sort();
    for (const name of names) {
      const path = join(dir, name);
      const isDirectory = (await stat(path)).isDirectory();
      const step = classifyRegistryEntry(segments, name, isDirectory, path);
      if (step.kind === 'descend') await walk(path, [...segments, name]);
      else if (step.kind === 'file') files.push({ key: step.key, file: path });
      else if (step.kind === 'issue') issues.push(step.issue);
    }
  };
  try {
    await walk(base, []);
  } catch (error) {
    if (files.length === 0 && issues.length === 0) return missingRoot(base, error);
    throw error;
  }
  const texts = await Promise.all(files.map((found) => readFile(found.file, 'utf8')));
  return collect(files, texts, issues);
}

/**
 * Synchronous {@link readRegistry}, for callers that cannot await (e.g. a resolver warm-up).
 *
 * @param root - the registry folder
 */
export function readRegistrySync(root: string): RegistryContents {
  const base = resolve(root);
  const files: RegistryFile[] = [];
  const issues: RegistryIssue[] = [];
  const walk = (dir: string, segments: string[]): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const step = classifyRegistryEntry(segments, name, statSync(path).isDirectory(), path);
      if (step.kind === 'descend') walk(path, [...segments, name]);
      else if (step.kind === 'file') files.push({ key: step.key, file: path });
      else if (step.kind === 'issue') issues.push(step.issue);
    }
  };
  try {
    walk(base, []);
  } catch (error) {
    if (files.length === 0 && issues.length === 0) return missingRoot(base, error);
    throw error;
  }
  const texts = files.map((found) => readFileSync(found.file, 'utf8'));
  return collect(files, texts, issues);
}
