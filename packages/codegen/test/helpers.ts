import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createResolver, parseIgluUri, type SchemaEntry } from '@floe/iglu';

export const REPO_ROOT = join(__dirname, '..', '..', '..');
export const CORPUS = join(REPO_ROOT, 'fixtures', 'iglu-central', 'schemas');
export const REPO_SCHEMAS = join(REPO_ROOT, 'schemas');
export const SELF_DESC =
  'http://iglucentral.com/schemas/com.snowplowanalytics.self-desc/schema/jsonschema/1-0-0#';

/** A self-describing schema for `uri` with the given body (type, properties…). */
export function selfDescribing(
  uri: string,
  body: Record<string, unknown>,
): Record<string, unknown> {
  const key = parseIgluUri(uri);
  const version = uri.split('/')[3];
  return {
    $schema: SELF_DESC,
    description: `Test schema ${key.name}`,
    self: { vendor: key.vendor, name: key.name, format: key.format, version },
    ...body,
  };
}

/** Writes schemas into a registry layout under `root`. */
export function writeRegistry(
  root: string,
  schemas: Record<string, Record<string, unknown>>,
): void {
  for (const [uri, body] of Object.entries(schemas)) {
    const path = join(root, ...uri.slice('iglu:'.length).split('/'));
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, `${JSON.stringify(selfDescribing(uri, body), null, 2)}\n`);
  }
}

/** A fresh temporary folder, removed by the returned function. */
export function tempDir(prefix = 'floe-codegen-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Registry entries for in-memory tests, as `readRegistry` would return them. */
export function entriesFor(root: string, uris: readonly string[]): SchemaEntry[] {
  const resolver = createResolver({ roots: [root] });
  return uris.map((uri) => resolver.resolve(uri));
}
