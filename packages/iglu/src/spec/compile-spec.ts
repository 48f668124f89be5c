import { IgluError } from '../iglu-error';
import type { CompiledSpec } from './compiled-spec';
import type { EventSpec } from './event-spec';
import { parseCardinality } from './parse-cardinality';

/**
 * Reduces a spec to what checking needs: the event URI, each entity's count bounds and the rules.
 * Codegen writes the result into the generated spec validators as data.
 *
 * @param spec - a spec that passed `readSpecs`' checks
 * @throws IgluError `invalid_spec` for a malformed cardinality
 */
export function compileSpec(spec: EventSpec): CompiledSpec {
  return {
    name: spec.name,
    event: spec.event.schema,
    entities: (spec.entities ?? []).map((entity) => {
      const bounds = parseCardinality(entity.cardinality);
      if (!bounds) {
        throw new IgluError(
          'invalid_spec',
          `spec ${spec.name}: cardinality "${entity.cardinality}" of ${entity.schema} is not N, N..M or N..*`,
        );
      }
      return { schema: entity.schema, min: bounds.min, max: bounds.max };
    }),
    rules: spec.rules ?? [],
  };
}
