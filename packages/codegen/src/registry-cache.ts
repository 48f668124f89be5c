import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  parseIgluUri,
  parseSchemaFile,
  type RegistryContents,
  type RegistryIssue,
  readRegistry,
  type SchemaEntry,
} from '@floe/iglu';

/** A registry read once and then kept current file by file (watch mode). */
export interface RegistryCache {
  /** The current contents, in the order `readRegistry` gives. */
  contents(): RegistryContents;
  /** Re-reads these `VENDOR/NAME/jsonschema/M-R-A` paths; a missing file leaves the registry. */
  refresh(paths: readonly string[]): Promise<void>;
}

const pathOf = (entry: SchemaEntry): string => entry.relativePath;

/**
 * Reads a registry folder and keeps it in memory, so that a watcher re-reads only the files
 * that changed instead of the whole folder on every edit.
 *
 * @param root - absolute registry folder
 */
export async function createRegistryCache(root: string): Promise<RegistryCache> {
  const first = await readRegistry(root);
  const entries = new Map(first.schemas.map((entry) => [pathOf(entry), entry]));
  const fileIssues = new Map<string, RegistryIssue[]>();
  const otherIssues: RegistryIssue[] = [];
  for (const issue of first.issues) {
    const path = issue.file?.startsWith(root)
      ? issue.file
          .slice(root.length + 1)
          .split('\\')
          .join('/')
      : undefined;
    if (path && entries.has(path)) fileIssues.set(path, [...(fileIssues.get(path) ?? []), issue]);
    else otherIssues.push(issue);
  }
  return {
    contents() {
      const schemas = [...entries.values()].sort((a, b) => (pathOf(a) < pathOf(b) ? -1 : 1));
      return { schemas, issues: [...otherIssues, ...[...fileIssues.values()].flat()] };
    },
    async refresh(paths) {
      for (const path of paths) {
        entries.delete(path);
        fileIssues.delete(path);
        const file = join(root, ...path.split('/'));
        let text: string;
        try {
          text = await readFile(file, 'utf8');
        } catch {
          continue; // deleted (or renamed away): it leaves the registry
        }
        const parsed = parseSchemaFile({ key: parseIgluUri(`iglu:${path}`), file, text });
        if (parsed.entry) entries.set(path, parsed.entry);
        if (parsed.issues.length > 0) fileIssues.set(path, parsed.issues);
      }
    },
  };
}
