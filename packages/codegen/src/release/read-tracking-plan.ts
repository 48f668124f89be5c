import { readRegistrySync } from '@floe/iglu';
import type { CodegenConfig } from '../codegen-config';
import { CodegenError } from '../codegen-error';
import type { PlanSpec } from './plan-spec';
import { readPlanSpecs } from './read-plan-specs';
import type { TrackingPlanSnapshot } from './tracking-plan-snapshot';

/** Where a tracking plan lives on disk. */
export interface TrackingPlanSource {
  readonly schemasDir: string;
  /** The specs folder; one that does not exist holds no specs. */
  readonly specsDir: string;
  /** The codegen config, for its aliases. */
  readonly config: CodegenConfig;
}

/**
 * Reads the tracking plan as it is on disk now.
 *
 * @param source - the schemas and specs folders and the config
 * @throws CodegenError `invalid_registry` when a schema file cannot be read, `invalid_spec` for
 *   a broken spec: a release must not be planned from a plan that is half read
 */
export function readTrackingPlan(source: TrackingPlanSource): TrackingPlanSnapshot {
  const registry = readRegistrySync(source.schemasDir);
  const errors = registry.issues.filter((issue) => issue.level === 'error');
  if (errors.length > 0) {
    const first = errors[0]!;
    throw new CodegenError(
      'invalid_registry',
      `${first.file ?? source.schemasDir}: ${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more; run floe lint)` : ''}`,
    );
  }
  const schemas = Object.fromEntries(registry.schemas.map((entry) => [entry.uri, entry.schema]));
  const specs: Record<string, PlanSpec> = {};
  for (const { spec } of readPlanSpecs(source.specsDir)) specs[spec.name] = spec;
  return { floeTrackingPlan: 1, schemas, specs, aliases: aliasUris(source.config) };
}

/** Alias name → the URI it pins, from a codegen config. */
export function aliasUris(config: CodegenConfig): Record<string, string> {
  return Object.fromEntries(
    Object.entries(config.aliases ?? {}).map(([name, alias]) => [name, alias.uri]),
  );
}
