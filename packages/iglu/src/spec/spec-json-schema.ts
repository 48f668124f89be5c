import schema from '../../spec-schema.json';

/**
 * The JSON Schema (draft-04) of the spec format, also shipped as `@floe/iglu/spec-schema.json`
 * so editors complete and check `specs/*.json`.
 */
export const SPEC_JSON_SCHEMA: Readonly<Record<string, unknown>> = schema;
