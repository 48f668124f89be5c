import type { LoadedSpec } from '@floe/iglu';
import type { CodegenConfig, ImportExtension } from '../codegen-config';
import { aliasNames } from '../naming';
import type { PlannedSchema } from '../plan-schemas';
import { relativeSpecifier } from '../relative-specifier';
import type { SpecToRender } from './render-specs-module';
import { exportedSpecNames, specNames } from './spec-names';

/** A spec that got no function, and why. */
export interface SpecFailure {
  readonly loaded: LoadedSpec;
  readonly code: string;
  readonly message: string;
}

/**
 * Decides which specs get generated code: each spec's event and entities must have a module in
 * this run, and its exported names may not collide with an alias's or another spec's (both are
 * refused then, never renamed by order).
 *
 * @param specs - checked specs, sorted by name
 * @param byUri - the schemas that got a module
 * @param config - for the aliases
 * @param extension - how relative imports end
 */
export function planSpecsOutput(
  specs: readonly LoadedSpec[],
  byUri: ReadonlyMap<string, PlannedSchema>,
  config: CodegenConfig,
  extension: ImportExtension,
): { targets: SpecToRender[]; failures: SpecFailure[] } {
  const owners = new Map<string, string[]>();
  const claim = (name: string, owner: string) =>
    owners.set(name, [...(owners.get(name) ?? []), owner]);
  for (const alias of Object.keys(config.aliases ?? {})) {
    for (const name of Object.values(aliasNames(alias))) claim(name, `alias ${alias}`);
  }
  const named = specs.map((loaded) => ({ loaded, names: specNames(loaded.spec) }));
  for (const { loaded, names } of named) {
    for (const name of exportedSpecNames(names)) claim(name, `spec ${loaded.spec.name}`);
  }
  const targets: SpecToRender[] = [];
  const failures: SpecFailure[] = [];
  for (const { loaded, names } of named) {
    const { spec } = loaded;
    const uris = [spec.event.schema, ...(spec.entities ?? []).map((entity) => entity.schema)];
    const missing = uris.filter((uri) => !byUri.has(uri));
    if (missing.length > 0) {
      failures.push({
        loaded,
        code: 'spec_schema_failed',
        message: `spec ${spec.name}: ${missing.join(', ')} got no module in this run`,
      });
      continue;
    }
    const clashes = exportedSpecNames(names).flatMap((name) =>
      (owners.get(name) ?? [])
        .filter((owner) => owner !== `spec ${spec.name}`)
        .map((owner) => `${name} (also exported by ${owner})`),
    );
    if (clashes.length > 0) {
      failures.push({
        loaded,
        code: 'name_collision',
        message: `spec ${spec.name}: ${clashes.join(', ')}; rename the spec or the alias`,
      });
      continue;
    }
    const specifiers = new Map(
      uris.map((uri) => [
        uri,
        relativeSpecifier(`./${byUri.get(uri)!.names.modulePath}`, extension),
      ]),
    );
    targets.push({ spec, names, specifiers });
  }
  return { targets, failures };
}
