import {
  createResolver,
  createValidatorCompiler,
  IgluError,
  ResolutionError,
  type SchemaEntry,
  type ValidateFn,
  type ValidationIssue,
} from '@floe/iglu';
import { capDataReports } from '../badrows/failure-limits';
import type { DataReport, IgluClientError, LookupAttempt } from '../badrows/failure-message';
import { getPackageInfo } from '../package-info';
import { toIsoTimestamp } from '../util/timestamps';
import { hideRootPaths, type NamedRepository, nameRepositories } from './repository-names';

/** Schema resolution and validation over local Iglu folders, with a compiled-validator cache. */
export interface SchemaRegistry {
  /** The Iglu roots in lookup order (the user's folders, then the bundled schemas). */
  readonly roots: readonly string[];
  /**
   * Validates `data` against the schema at `uri`.
   *
   * @returns `undefined` when valid, else the Iglu client error for the bad row
   */
  validate(uri: string, data: unknown): IgluClientError | undefined;
  /**
   * Resolves a schema file; throws `ResolutionError` when no root has it. The error names
   * repositories (`[local: schemas]/com.acme/…`), never host paths.
   */
  resolve(uri: string): SchemaEntry;
  /** `maxLength` of every string field of `atomic/jsonschema/1-0-0`. */
  atomicMaxLengths(): AtomicLimits;
  /** Drops every compiled validator (schemas edited on disk are read again). */
  reload(): void;
}

/** Field names and their `maxLength`s, as parallel arrays (checked on every event). */
export interface AtomicLimits {
  readonly fields: readonly string[];
  readonly maxLengths: readonly number[];
}

/** Options of `createSchemaRegistry`. */
export interface SchemaRegistryOptions {
  readonly roots: readonly string[];
  readonly clock: () => number;
  readonly onWarning?: (message: string) => void;
  /** The root named `bundled: Iglu Central`. Default: the package's own `schemas/` folder. */
  readonly bundledRoot?: string;
}

/** The atomic schema whose `maxLength`s the pipeline enforces on enriched fields (§4 step 11). */
export const ATOMIC_SCHEMA_URI = 'iglu:com.snowplowanalytics.snowplow/atomic/jsonschema/1-0-0';

function targetsOf(issue: ValidationIssue): string[] | null {
  const { expected } = issue;
  if (expected === undefined) return null;
  if (Array.isArray(expected))
    return expected.map((e) => (typeof e === 'string' ? e : JSON.stringify(e)));
  return [typeof expected === 'string' ? expected : JSON.stringify(expected)];
}

function toDataReport(issue: ValidationIssue): DataReport {
  return {
    message: issue.message,
    path: issue.path,
    keyword: issue.keyword,
    targets: targetsOf(issue),
  };
}

function lookupHistory(repositories: readonly NamedRepository[], now: string): LookupAttempt[] {
  return repositories.map(({ name }) => ({
    repository: name,
    errors: [{ error: 'NotFound' as const }],
    attempts: 1,
    lastAttempt: now,
  }));
}

function defaultBundledRoot(): string | undefined {
  try {
    return getPackageInfo().schemasDir;
  } catch {
    return undefined;
  }
}

/**
 * Creates the registry the pipeline validates with, backed by `@floe/iglu`. Failed lookups are
 * not cached, so a schema file added while the collector runs is picked up by the next event.
 *
 * @param options - roots in lookup order, the clock for lookup timestamps, a warning sink
 */
export function createSchemaRegistry(options: SchemaRegistryOptions): SchemaRegistry {
  const roots = [...options.roots];
  const repositories = nameRepositories(roots, options.bundledRoot ?? defaultBundledRoot());
  const hide = (text: string) => hideRootPaths(text, repositories);
  let resolver = createResolver({ roots });
  let compiler = createValidatorCompiler({ resolver, onWarning: options.onWarning });
  let validators = new Map<string, ValidateFn>();
  let atomic: AtomicLimits | undefined;

  function clientError(error: unknown): IgluClientError {
    if (error instanceof ResolutionError && error.code === 'not_found') {
      return {
        error: 'ResolutionError',
        lookupHistory: lookupHistory(repositories, toIsoTimestamp(options.clock())),
      };
    }
    // An invalid schema file or a failed compilation: the schema, not the data, is at fault.
    const message = error instanceof IgluError ? `${error.code}: ${error.message}` : String(error);
    return { error: 'ValidationError', schemaIssues: [{ path: '/', message: hide(message) }] };
  }

  return {
    roots,
    validate(uri, data) {
      let validate = validators.get(uri);
      if (!validate) {
        try {
          validate = compiler.compile(uri);
        } catch (error) {
          return clientError(error);
        }
        validators.set(uri, validate);
      }
      const issues = validate(data);
      if (issues.length === 0) return undefined;
      // Only the first reports are mapped: a huge array can fail in 100,000s of places.
      return { error: 'ValidationError', dataReports: capDataReports(issues, toDataReport) };
    },
    resolve(uri) {
      try {
        return resolver.resolve(uri);
      } catch (error) {
        if (!(error instanceof ResolutionError)) throw error;
        // The cause is left out on purpose: it is the same error with the host paths.
        throw new ResolutionError(
          error.code,
          error.uri,
          error.tried.map(hide),
          hide(error.message),
        );
      }
    },
    atomicMaxLengths() {
      if (atomic) return atomic;
      const schema = resolver.resolve(ATOMIC_SCHEMA_URI).schema as {
        properties?: Record<string, { maxLength?: number }>;
      };
      const fields: string[] = [];
      const maxLengths: number[] = [];
      for (const [field, spec] of Object.entries(schema.properties ?? {})) {
        if (typeof spec.maxLength !== 'number') continue;
        fields.push(field);
        maxLengths.push(spec.maxLength);
      }
      atomic = { fields, maxLengths };
      return atomic;
    },
    reload() {
      resolver = createResolver({ roots });
      compiler = createValidatorCompiler({ resolver, onWarning: options.onWarning });
      validators = new Map();
      atomic = undefined;
    },
  };
}
