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

/** The `codegen` section of `floe.config.json`; every field is optional. */
export interface CodegenConfig {
  /** Registry folder, relative to the config file. Default `schemas`. */
  readonly schemas?: string;
  /** Output folder, relative to the config file. Default `packages/events/src/generated`. */
  readonly out?: string;
  /** File name of the precompiled validators module inside `out`, or `false` for none. */
  readonly validators?: string | false;
  /** Objects with declared properties and absent or `true` `additionalProperties`. Default `closed`. */
  readonly additionalProperties?: OpenObjectPolicy;
  /** The command named in every file header. Default `floe generate`. */
  readonly command?: string;
  /** Extra registry folders (relative to the config file) that remote `$ref`s may resolve into. */
  readonly registries?: readonly string[];
  /** Short names → exact schemas, keyed by PascalCase alias name (`LinkClick`). */
  readonly aliases?: Readonly<Record<string, AliasConfig>>;
}
