/** The exact `$schema` every Iglu self-describing schema must carry (codegen.md §1). */
export const SELF_DESCRIBING_META_SCHEMA_URI =
  'http://iglucentral.com/schemas/com.snowplowanalytics.self-desc/schema/jsonschema/1-0-0#';

/** The draft-04 meta-schema id, built into the validator (ajv-draft-04). */
export const DRAFT_04_META_SCHEMA_URI = 'http://json-schema.org/draft-04/schema#';

/** The Iglu URI of the self-describing meta-schema. */
export const SELF_DESCRIBING_META_SCHEMA_IGLU_URI =
  'iglu:com.snowplowanalytics.self-desc/schema/jsonschema/1-0-0';
