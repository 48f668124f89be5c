/** How a short, first-class name maps onto one exact schema (decision 15). */
export interface AliasConfig {
  /** The exact `iglu:` URI the alias pins. */
  readonly uri: string;
  /** An entity (context): only the type, URI constant and `createX` are aliased, no `trackX`. */
  readonly entity?: boolean;
  /** Top-level string properties the alias builder fills with a UUID v4 when the caller omits them. */
  readonly generateUuid?: readonly string[];
  /** Optional properties the alias builder makes required (e.g. `name` of the legacy screen view). */
  readonly require?: readonly string[];
  /** Extra sentence for the alias's doc comment. */
  readonly description?: string;
}

/** Policy for objects whose `additionalProperties` is absent or `true` (see docs/codegen.md). */
export type OpenObjectPolicy = 'closed' | 'open';

/**
 * How generated modules spell their relative imports. `'.js'` (`./link_click/1-0-1.js`) compiles
 * under every `moduleResolution` (NodeNext, Node16, Bundler and Node10/CommonJS), because
 * TypeScript maps `.js` onto the `.ts` file; `'none'` (`./link_click/1-0-1`) suits tools that
 * do not (jest without a mapper, older webpack) but fails under NodeNext in an ESM package.
 */
export type ImportExtension = '.js' | 'none';

/** The `codegen` section of `floe.config.json`; every field is optional. */
export interface CodegenConfig {
  /** Registry folder, relative to the config file. Default `schemas`. */
  readonly schemas?: string;
  /** Output folder, relative to the config file. Default `src/generated` ({@link DEFAULT_OUT}). */
  readonly out?: string;
  /** How relative imports in the output end. Default `'.js'`, which compiles under every resolution. */
  readonly importExtension?: ImportExtension;
  /**
   * File name of the typed validators module inside `out` (default `validators.ts`), or `false`
   * for none. The precompiled code it types sits beside it as `compiled-<name>`.
   */
  readonly validators?: string | false;
  /** Objects with declared properties and absent or `true` `additionalProperties`. Default `closed`. */
  readonly additionalProperties?: OpenObjectPolicy;
  /** The command named in every file header. Default `floe generate`. */
  readonly command?: string;
  /** Extra registry folders (relative to the config file) that remote `$ref`s may resolve into. */
  readonly registries?: readonly string[];
  /**
   * The event specifications folder (`*.json`, see docs/specs.md), relative to the config file.
   * Default: `specs` beside the schema folder, when that folder exists.
   */
  readonly specs?: string;
  /** Short names → exact schemas, keyed by PascalCase alias name (`LinkClick`). */
  readonly aliases?: Readonly<Record<string, AliasConfig>>;
}

/** Registry folder when neither a flag nor the config names one, relative to the config folder. */
export const DEFAULT_SCHEMAS = 'schemas';

/**
 * Output folder when neither a flag nor the config names one: a user's own source tree. This
 * repository sets its `packages/events/src/generated` in its own `floe.config.json`.
 */
export const DEFAULT_OUT = 'src/generated';

/** Default `importExtension`: the one spelling that compiles under every module resolution. */
export const DEFAULT_IMPORT_EXTENSION: ImportExtension = '.js';

/** The names `codegen` accepts, for the unknown-key check and its "did you mean". */
export const CODEGEN_KEYS: readonly (keyof CodegenConfig)[] = [
  'schemas',
  'out',
  'importExtension',
  'validators',
  'additionalProperties',
  'command',
  'registries',
  'specs',
  'aliases',
];

/** The names an alias entry accepts. */
export const ALIAS_KEYS: readonly (keyof AliasConfig)[] = [
  'uri',
  'entity',
  'generateUuid',
  'require',
  'description',
];
