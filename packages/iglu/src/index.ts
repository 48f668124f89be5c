export { type ConsistencyOptions, checkConsistency } from './check-consistency';
export { compareSchemaKeys } from './compare-schema-keys';
export {
  DRAFT_04_META_SCHEMA_URI,
  SELF_DESCRIBING_META_SCHEMA_IGLU_URI,
  SELF_DESCRIBING_META_SCHEMA_URI,
} from './constants';
export { createResolver, type Resolver, type ResolverOptions } from './create-resolver';
export { IgluError } from './iglu-error';
export { isJsonObject, type JsonSchema } from './json-schema';
export { IGLUCTL_KNOWN_FORMATS } from './lint/known-formats';
export { LINTER_NAMES, type LintOptions, lintSchema, SKIPPABLE_LINTERS } from './lint-schema';
export { type ParsedSchemaFile, parseSchemaFile, type SchemaFileInput } from './parse-schema-file';
export { type RegistryContents, readRegistry, readRegistrySync } from './read-registry';
export type { IssueLevel, RegistryIssue } from './registry-issue';
export { ResolutionError } from './resolution-error';
export type { SchemaEntry } from './schema-entry';
export {
  formatIgluUri,
  parseIgluUri,
  type SchemaKey,
  schemaKeyFromRef,
  schemaKeysEqual,
} from './schema-key';
export { compareSchemaVer, formatSchemaVer, parseSchemaVer, type SchemaVer } from './schema-ver';
export { sortSchemaEntries } from './sort-schema-entries';
export { checkCompiledSpec } from './spec/check-compiled-spec';
export { checkEventAgainstSpec, type SpecViolation } from './spec/check-event-against-spec';
export { compileSpec } from './spec/compile-spec';
export type { CompiledSpec, SelfDescribingLike, SpecCheckIssue } from './spec/compiled-spec';
export {
  EVENT_SPEC_SCHEMA_URI,
  type EventSpec,
  type SpecEntity,
  type SpecRule,
} from './spec/event-spec';
export { findSubSchema, type SubSchemaResult } from './spec/find-sub-schema';
export { type JsonLocation, locateJsonValues } from './spec/json-locations';
export { lintSpec, type SpecSchemaLookup } from './spec/lint-spec';
export type { LoadedSpec } from './spec/loaded-spec';
export { type Cardinality, parseCardinality } from './spec/parse-cardinality';
export { type ParsedSpecFile, parseSpecFile } from './spec/parse-spec-file';
export { readSpecs, readSpecsSync, type SpecContents } from './spec/read-specs';
export type { SpecIssue } from './spec/spec-issue';
export { SPEC_JSON_SCHEMA } from './spec/spec-json-schema';
export {
  compileStandaloneValidators,
  type StandaloneOptions,
} from './validate/compile-standalone-validators';
export {
  createValidatorCompiler,
  type ValidatorCompiler,
  type ValidatorCompilerOptions,
} from './validate/create-validator-compiler';
export type { ValidateFn, ValidationIssue } from './validate/validation-issue';
export { VALIDATOR_FORMATS } from './validate/validator-formats';
