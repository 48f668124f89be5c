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

/** What one walk step read: a folder's names, or a file's text, or why it could not. */
type Read<T> = { ok: true; value: T } | { ok: false; issue: RegistryIssue };

const unreadable = (path: string, error: unknown, isRoot: boolean): RegistryIssue => {
  const reason = (error as NodeJS.ErrnoException).code ?? String(error);
  const what = isRoot ? 'registry folder' : 'path';
  const code = isRoot ? 'NotFound' : 'Unreadable';
  return {
    level: 'error',
    code,
    message: `${what} ${path} cannot be read (${reason})`,
    file: path,
  };
};

function attempt<T>(path: string, isRoot: boolean, read: () => T): Read<T> {
  try {
    return { ok: true, value: read() };
  } catch (error) {
    return { ok: false, issue: unreadable(path, error, isRoot) };
  }
}

async function attemptAsync<T>(path: string, isRoot: boolean, read: () => Promise<T>) {
  try {
    return { ok: true, value: await read() } as Read<T>;
  } catch (error) {
    return { ok: false, issue: unreadable(path, error, isRoot) } as Read<T>;
  }
}

function finish(found: { file: RegistryFile; text: Read<string> }[], issues: RegistryIssue[]) {
  const schemas: SchemaEntry[] = [];
  for (const { file, text } of found) {
    if (!text.ok) {
      issues.push(text.issue);
      continue;
    }
    const parsed = parseSchemaFile({ ...file, text: text.value });
    if (parsed.entry) schemas.push(parsed.entry);
    issues.push(...parsed.issues);
  }
  return { schemas: sortSchemaEntries(schemas), issues };
}

/**
 * Reads every `jsonschema` file of an Iglu registry folder (`root/VENDOR/NAME/jsonschema/M-R-A`).
 * Other formats are ignored. Each file is parsed and checked (JSON, `self` equals the path,
 * exact `$schema`); a bad or unreadable file becomes an issue, never an exception, and a missing
 * root is a `NotFound` issue.
 *
 * @param root - the registry folder (e.g. `schemas/`)
 * @returns schemas sorted by vendor, name, format and SchemaVer, plus every issue
 * @example
 * const { schemas, issues } = await readRegistry('schemas');
 */
export async function readRegistry(root: string): Promise<RegistryContents> {
  const files: RegistryFile[] = [];
  const issues: RegistryIssue[] = [];
  const walk = async (dir: string, segments: string[]): Promise<void> => {
    const names = await attemptAsync(dir, segments.length === 0, () => readdir(dir));
    if (!names.ok) return void issues.push(names.issue);
    for (const name of names.value.sort()) {
      const path = join(dir, name);
      const info = await attemptAsync(path, false, () => stat(path));
      if (!info.ok) {
        issues.push(info.issue);
        continue;
      }
      const step = classifyRegistryEntry(segments, name, info.value.isDirectory(), path);
      if (step.kind === 'descend') await walk(path, [...segments, name]);
      else if (step.kind === 'file') files.push({ key: step.key, file: path });
      else if (step.kind === 'issue') issues.push(step.issue);
    }
  };
  await walk(resolve(root), []);
  const texts = await Promise.all(
    files.map((file) => attemptAsync(file.file, false, () => readFile(file.file, 'utf8'))),
  );
  return finish(
    files.map((file, index) => ({ file, text: texts[index]! })),
    issues,
  );
}

/**
 * Synchronous {@link readRegistry}, for callers that cannot await.
 *
 * @param root - the registry folder
 */
export function readRegistrySync(root: string): RegistryContents {
  const files: RegistryFile[] = [];
  const issues: RegistryIssue[] = [];
  const walk = (dir: string, segments: string[]): void => {
    const names = attempt(dir, segments.length === 0, () => readdirSync(dir));
    if (!names.ok) return void issues.push(names.issue);
    for (const name of names.value.sort()) {
      const path = join(dir, name);
      const info = attempt(path, false, () => statSync(path));
      if (!info.ok) {
        issues.push(info.issue);
        continue;
      }
      const step = classifyRegistryEntry(segments, name, info.value.isDirectory(), path);
      if (step.kind === 'descend') walk(path, [...segments, name]);
      else if (step.kind === 'file') files.push({ key: step.key, file: path });
      else if (step.kind === 'issue') issues.push(step.issue);
    }
  };
  walk(resolve(root), []);
  return finish(
    files.map((file) => ({
      file,
      text: attempt(file.file, false, () => readFileSync(file.file, 'utf8')),
    })),
    issues,
  );
}
