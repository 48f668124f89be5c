import { FloeError } from '../errors/floe-error';
import type { SelfDescribingJson } from '../protocol/self-describing-json';
import { selfDescribingText } from '../protocol/self-describing-text';
import type { TrackedEvent } from '../protocol/tracked-event';
import type {
  ConditionalContext,
  ContextGenerator,
  GlobalContext,
  SchemaRuleSet,
} from './global-context';
import { compileSchemaPattern } from './schema-pattern';

/** A global context checked and prepared once when it is added, so `track` does no parsing. */
export interface CompiledGlobalContext {
  /** What the caller added, for removal by identity. */
  readonly source: GlobalContext;
  /** The key it was added under, for removal by name. */
  readonly name: string | undefined;
  /**
   * Whether it applies to an event; `undefined` when it applies to every event without looking.
   * A filter that throws is reported through `report` and excludes.
   */
  readonly applies:
    | ((event: TrackedEvent, report: (error: FloeError) => void) => boolean)
    | undefined;
  /** Fixed entities, serialised once, and the entities themselves for opt-in validation. */
  readonly texts: readonly string[];
  readonly entities: readonly SelfDescribingJson<unknown>[];
  readonly generators: readonly ContextGenerator[];
}

/**
 * Checks and prepares one global context: serialises fixed entities and compiles schema patterns.
 *
 * @param source - the global context as given.
 * @param name - the key it was added under, if any.
 * @throws FloeError (`invalid_config`) for a malformed context, entity or schema pattern.
 */
export function compileGlobalContext(
  source: GlobalContext,
  name: string | undefined,
): CompiledGlobalContext {
  const conditional = typeof source === 'object' && source !== null && 'contexts' in source;
  const { contexts, eventTypes, schemas, filter } = (
    conditional ? source : {}
  ) as ConditionalContext;
  const primitives: readonly unknown[] = conditional ? contexts : [source];
  if (!Array.isArray(primitives)) fail('a conditional global context needs a `contexts` array');
  if (eventTypes !== undefined && !Array.isArray(eventTypes)) {
    fail('`eventTypes` must be an array of event type codes');
  }
  const texts: string[] = [];
  const entities: SelfDescribingJson<unknown>[] = [];
  const generators: ContextGenerator[] = [];
  for (const primitive of primitives) {
    if (typeof primitive === 'function') {
      generators.push(primitive as ContextGenerator);
      continue;
    }
    try {
      texts.push(selfDescribingText(primitive, 'global context'));
    } catch (error) {
      fail((error as Error).message);
    }
    entities.push(primitive as SelfDescribingJson<unknown>);
  }
  // A plain string or list of patterns means accept; a record may accept, reject or both.
  const rules: SchemaRuleSet | undefined =
    typeof schemas === 'string' || Array.isArray(schemas)
      ? { accept: schemas as string | readonly string[] }
      : (schemas as SchemaRuleSet | undefined);
  if (rules !== undefined && rules.accept === undefined && rules.reject === undefined) {
    fail('a schema condition needs `accept` or `reject` patterns');
  }
  const accept = patterns(rules?.accept);
  const reject = patterns(rules?.reject);
  const applies =
    rules === undefined && eventTypes === undefined && filter === undefined
      ? undefined
      : (event: TrackedEvent, report: (error: FloeError) => void): boolean => {
          if (eventTypes !== undefined && !eventTypes.includes(event.eventType)) return false;
          if (rules !== undefined) {
            // Schema conditions never match events that are not self-describing.
            const schema = event.eventSchema ?? '';
            if (accept !== undefined && !accept.some((pattern) => pattern.test(schema)))
              return false;
            if (schema === '' || reject?.some((pattern) => pattern.test(schema))) return false;
          }
          try {
            return filter === undefined || filter(event) === true;
          } catch (error) {
            report(new FloeError('plugin', 'a global context filter threw', { cause: error }));
            return false;
          }
        };
  return { source, name, applies, texts, entities, generators };
}

function patterns(list: string | readonly string[] | undefined): RegExp[] | undefined {
  return list === undefined
    ? undefined
    : (typeof list === 'string' ? [list] : list).map(compileSchemaPattern);
}

function fail(message: string): never {
  throw new FloeError('invalid_config', message);
}
