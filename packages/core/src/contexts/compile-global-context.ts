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
  const { contexts, eventTypes, schemas, filter }: Partial<ConditionalContext> = conditional
    ? source
    : { contexts: [source] };
  if (!Array.isArray(contexts) || (eventTypes !== undefined && !Array.isArray(eventTypes))) {
    fail('a conditional global context needs `contexts` (and `eventTypes`) as lists');
  }
  const texts: string[] = [];
  const entities: SelfDescribingJson<unknown>[] = [];
  const generators: ContextGenerator[] = [];
  for (const primitive of contexts) {
    if (typeof primitive === 'function') generators.push(primitive);
    else {
      try {
        texts.push(selfDescribingText(primitive, 'global context'));
      } catch (error) {
        fail((error as Error).message);
      }
      entities.push(primitive);
    }
  }
  // A pattern or a list of patterns accepts; a record may accept, reject or both.
  const { accept, reject }: SchemaRuleSet =
    typeof schemas === 'string' || Array.isArray(schemas)
      ? { accept: schemas as string | readonly string[] }
      : ((schemas as SchemaRuleSet | undefined) ?? {});
  if (schemas !== undefined && accept === undefined && reject === undefined) {
    fail('a schema condition needs `accept` or `reject` patterns');
  }
  const accepted = patterns(accept);
  const rejected = patterns(reject);
  const matches = (event: TrackedEvent): boolean => {
    // Schema conditions never match events that are not self-describing.
    const schema = event.eventSchema ?? (schemas === undefined ? '' : undefined);
    return (
      (eventTypes === undefined || eventTypes.includes(event.eventType)) &&
      schema !== undefined &&
      (accept === undefined || accepted.some((pattern) => pattern.test(schema))) &&
      !rejected.some((pattern) => pattern.test(schema))
    );
  };
  const applies =
    schemas === undefined && eventTypes === undefined && filter === undefined
      ? undefined
      : (event: TrackedEvent, report: (error: FloeError) => void): boolean => {
          try {
            return matches(event) && (filter === undefined || filter(event) === true);
          } catch (error) {
            report(new FloeError('plugin', 'a global context filter threw', { cause: error }));
            return false;
          }
        };
  return { source, name, applies, texts, entities, generators };
}

function patterns(list: string | readonly string[] | undefined): RegExp[] {
  return (typeof list === 'string' ? [list] : (list ?? [])).map(compileSchemaPattern);
}

function fail(message: string): never {
  throw new FloeError('invalid_config', message);
}
