export * from './catalogue/index';
export {
  type AliasConfig,
  type CodegenConfig,
  DEFAULT_IMPORT_EXTENSION,
  DEFAULT_OUT,
  DEFAULT_SCHEMAS,
  type ImportExtension,
  type OpenObjectPolicy,
} from './codegen-config';
export { CodegenError } from './codegen-error';
export { compileTypes } from './compile-types';
export {
  type GenerateOptions,
  type GenerateResult,
  type GenerateSummary,
  generate,
} from './generate';
export {
  CORE_MODULE,
  type GeneratedFiles,
  type GenerateFilesOptions,
  type GenerateProgress,
  generateFiles,
  type SchemaFailure,
} from './generate-files';
export {
  type LoadedCodegenConfig,
  loadCodegenConfig,
  parseCodegenConfig,
} from './load-codegen-config';
export { aliasNames, pascalCase, type SchemaNames, schemaNames, splitWords } from './naming';
export { type NormalizeOptions, normalizeSchema } from './normalize-schema';
export * from './release/index';
export { GENERATED_MARKER } from './render-header';
export { type LintReport, type LintRunOptions, runLint } from './run-lint';
export type { OutputDiff } from './sync-output';
export { type GenerateWatcher, type WatchOptions, watchGenerate } from './watch-generate';
