import { checkSelfDescribing } from '../schemas/check-self-describing';
import type { SchemaRegistry } from '../schemas/schema-registry';
import type { EventFailure } from './event-failure';

/** The contexts wrapper schemas the pipeline accepts. */
export const CONTEXTS_CRITERION = 'iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-*';

/** One entity that passed validation. */
export interface ValidEntity {
  readonly schema: string;
  readonly data: unknown;
}

/** The outcome of step 10. */
export interface EntitiesResult {
  readonly entities: ValidEntity[];
  readonly failures: EventFailure[];
}

/**
 * Step 10: the decoded `co`/`cx` must be a `contexts/1-0-*` SDJ whose array validates; then
 * each entity resolves and validates on its own. Invalid entities are left out of `entities`.
 *
 * @param wrapper - the decoded JSON value
 * @param registry - schema resolution and validation
 */
export function validateEntities(wrapper: unknown, registry: SchemaRegistry): EntitiesResult {
  const outer = checkSelfDescribing(wrapper, CONTEXTS_CRITERION);
  if (!outer.ok) {
    return {
      entities: [],
      failures: [{ message: outer.message, source: 'contexts', schema: null, data: wrapper }],
    };
  }
  const outerError = registry.validate(outer.schema, outer.data);
  if (outerError) {
    const failure = {
      message: { schemaKey: outer.schema, error: outerError },
      source: 'contexts',
      schema: outer.schema,
      data: outer.data,
    };
    return { entities: [], failures: [failure] };
  }
  const entities: ValidEntity[] = [];
  const failures: EventFailure[] = [];
  for (const item of outer.data as unknown[]) {
    const entity = checkSelfDescribing(item);
    if (!entity.ok) {
      failures.push({ message: entity.message, source: 'contexts', schema: null, data: item });
      continue;
    }
    const error = registry.validate(entity.schema, entity.data);
    if (error) {
      failures.push({
        message: { schemaKey: entity.schema, error },
        source: 'contexts',
        schema: entity.schema,
        data: entity.data,
      });
    } else entities.push({ schema: entity.schema, data: entity.data });
  }
  return { entities, failures };
}
