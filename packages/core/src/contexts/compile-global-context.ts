import { FloeError } from '../errors/floe-error';
import { guarded } from '../errors/guarded';
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
   * Appends this context's entities for one event, when its conditions hold.
   *
   * @param event - the event being built.
   * @param texts - the event's entity texts; appended to.
   * @param sources - when validating, the entities themselves; appended to in step with `texts`.
   * @param report - receives generators and filters that threw (code `plugin`).
   * @throws FloeError (`invalid_event`) when a generator returns something that is not an entity.
   */
  collect(
    event: TrackedEvent,
    texts: string[],
    sources: SelfDescribingJson<unknown>[] | undefined,
    report: (error: FloeError) => void,
  ): void;
}

/**
 * Checks and prepares one global context: serialises its fixed entities and compiles its schema
 * patterns.
 *
 * @param source - the global context as given.
 * @param name - the key it was added under, if any.
 * @throws FloeError or TypeError for a malformed context, entity or schema pattern (the registry
 *   reports each as `invalid_config`).
 */
export function compileGlobalContext(source: GlobalContext, name?: string): CompiledGlobalContext {
  const { contexts, eventTypes, schemas, filter }: Partial<ConditionalContext> =
    typeof source === 'object' && source !== null && 'contexts' in source
      ? source
      : { contexts: [source] };
  const texts: string[] = [];
  const entities: SelfDescribingJson<unknown>[] = [];
  const generators: ContextGenerator[] = [];
  for (const primitive of contexts!) {
    if (typeof primitive === 'function') generators.push(primitive);
    else {
      texts.push(selfDescribingText(primitive));
      entities.push(primitive);
    }
  }
  // A pattern or a list of patterns accepts; a record may accept, reject or both.
  const { accept, reject }: SchemaRuleSet =
    typeof schemas === 'string' || Array.isArray(schemas)
      ? { accept: schemas as string | readonly string[] }
      : ((schemas as SchemaRuleSet | undefined) ?? {});
  if (schemas !== undefined && accept === undefined && reject === undefined) {
    throw new FloeError('invalid_config', 'schemas: expected accept or reject patterns');
  }
  const accepted = [accept ?? []].flat().map(compileSchemaPattern);
  const rejected = [reject ?? []].flat().map(compileSchemaPattern);
  const conditional = eventTypes !== undefined || schemas !== undefined || filter !== undefined;
  // Every condition given must hold. Schema conditions never match events that are not
  // self-describing.
  const applies = (event: TrackedEvent): boolean => {
    const schema = event.eventSchema;
    return (
      (eventTypes === undefined || eventTypes.includes(event.eventType)) &&
      (schemas === undefined ||
        (schema !== undefined &&
          (accept === undefined || accepted.some((pattern) => pattern.test(schema))) &&
          !rejected.some((pattern) => pattern.test(schema)))) &&
      (filter === undefined || filter(event) === true)
    );
  };
  return {
    source,
    name,
    collect(event, eventTexts, sources, report) {
      const filterThrew = 'global context filter threw';
      if (conditional && !guarded(() => applies(event), report, 'plugin', filterThrew)) return;
      eventTexts.push(...texts);
      sources?.push(...entities);
      for (const generator of generators) {
        const generatorThrew = 'global context generator threw';
        const output = guarded(() => generator(event), report, 'plugin', generatorThrew);
        // One entity or a list of them; nothing (or a throw) adds nothing.
        for (const entity of [output ?? []].flat()) {
          eventTexts.push(selfDescribingText(entity));
          sources?.push(entity);
        }
      }
    },
  };
}
