import { checkSelfDescribing } from '../schemas/check-self-describing';
import type { SchemaRegistry } from '../schemas/schema-registry';
import type { EventFailure } from './event-failure';

/** The unstruct_event wrapper schemas the pipeline accepts. */
export const UNSTRUCT_CRITERION =
  'iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-*';

/** The outcome of step 9. */
export interface UnstructResult {
  /** The validated inner event `{schema, data}`, or `null`. */
  readonly event: { readonly schema: string; readonly data: unknown } | null;
  /** The inner schema URI when it could be read, valid or not. */
  readonly schema: string | null;
  readonly failures: EventFailure[];
}

/**
 * Step 9: the decoded `ue_pr`/`ue_px` must be an `unstruct_event/1-0-*` SDJ that validates, and
 * its inner SDJ's schema must resolve and its data validate.
 *
 * @param wrapper - the decoded JSON value
 * @param registry - schema resolution and validation
 */
export function validateUnstructEvent(wrapper: unknown, registry: SchemaRegistry): UnstructResult {
  const fail = (failure: EventFailure, schema: string | null = null): UnstructResult => ({
    event: null,
    schema,
    failures: [failure],
  });
  const outer = checkSelfDescribing(wrapper, UNSTRUCT_CRITERION);
  if (!outer.ok)
    return fail({ message: outer.message, source: 'unstruct', schema: null, data: wrapper });
  const outerError = registry.validate(outer.schema, outer.data);
  if (outerError) {
    const message = { schemaKey: outer.schema, error: outerError };
    return fail({ message, source: 'unstruct', schema: outer.schema, data: outer.data });
  }
  const inner = checkSelfDescribing(outer.data);
  if (!inner.ok)
    return fail({ message: inner.message, source: 'unstruct', schema: null, data: outer.data });
  const innerError = registry.validate(inner.schema, inner.data);
  if (innerError) {
    const message = { schemaKey: inner.schema, error: innerError };
    return fail(
      { message, source: 'unstruct', schema: inner.schema, data: inner.data },
      inner.schema,
    );
  }
  return { event: { schema: inner.schema, data: inner.data }, schema: inner.schema, failures: [] };
}
