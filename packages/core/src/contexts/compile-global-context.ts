import type { EventType } from '../protocol/payload';
import { InvalidEventError } from '../payload/invalid-event-error';
import { selfDescribingText } from '../payload/self-describing-text';
import type { SelfDescribingJson } from '../protocol/self-describing-json';
import type { TrackedEvent } from '../tracker/tracked-event';
import { TrackerConfigError } from '../tracker/tracker-config-error';
import type {
  ConditionalContext,
  ContextGenerator,
  GlobalContext,
  SchemaRuleSet,
} from './global-context';
import { compileSchemaPattern } from './schema-pattern';

/** A global context prepared once when it is added, so `track` does no parsing. */
export interface CompiledGlobalContext {
  /** What the caller added, for removal by identity. */
  readonly source: GlobalContext;
  /** The key it was added under, for removal by name. */
  readonly name: string | undefined;
  /** Whether it applies to every event without looking at it. */
  readonly unconditional: boolean;
  readonly eventTypes: ReadonlySet<EventType> | undefined;
  readonly accept: readonly RegExp[] | undefined;
  readonly reject: readonly RegExp[] | undefined;
  readonly filter: ((event: TrackedEvent) => boolean) | undefined;
  /** Fixed entities, serialised once, and their sources for opt-in validation. */
  readonly texts: readonly string[];
  readonly entities: readonly SelfDescribingJson<unknown>[];
  readonly generators: readonly ContextGenerator[];
}

/**
 * Checks and prepares one global context: serialises fixed entities and compiles schema patterns.
 *
 * @param source - the global context as given.
 * @param name - the key it was added under, if any.
 * @throws TrackerConfigError for a malformed context, entity or schema pattern.
 */
export function compileGlobalContext(
  source: GlobalContext,
  name: string | undefined,
): CompiledGlobalContext {
  const conditional = isConditional(source) ? source : undefined;
  const primitives = conditional ? conditional.contexts : [source];
  if (!Array.isArray(primitives)) {
    throw new TrackerConfigError('a conditional global context needs a `contexts` array');
  }
  const texts: string[] = [];
  const entities: SelfDescribingJson<unknown>[] = [];
  const generators: ContextGenerator[] = [];
  for (const primitive of primitives as readonly unknown[]) {
    if (typeof primitive === 'function') {
      generators.push(primitive as ContextGenerator);
      continue;
    }
    try {
      texts.push(selfDescribingText(primitive, 'global context'));
    } catch (error) {
      if (error instanceof InvalidEventError) throw new TrackerConfigError(error.message);
      throw error;
    }
    entities.push(primitive as SelfDescribingJson<unknown>);
  }
  const rules = conditional?.schemas === undefined ? undefined : toRuleSet(conditional.schemas);
  const eventTypes = conditional?.eventTypes;
  if (eventTypes !== undefined && !Array.isArray(eventTypes)) {
    throw new TrackerConfigError('`eventTypes` must be an array of event type codes');
  }
  const filter = conditional?.filter;
  return {
    source,
    name,
    unconditional: !conditional || (!rules && !eventTypes && !filter),
    eventTypes: eventTypes && new Set(eventTypes),
    accept:
      rules?.accept === undefined ? undefined : toList(rules.accept).map(compileSchemaPattern),
    reject:
      rules?.reject === undefined ? undefined : toList(rules.reject).map(compileSchemaPattern),
    filter,
    texts,
    entities,
    generators,
  };
}

/**
 * Whether a compiled context applies to an event (generators aside).
 *
 * @param context - the compiled context.
 * @param event - the event being built.
 * @returns `true`, `false`, or the filter's verdict (the caller guards filters that throw).
 */
export function matchesConditions(context: CompiledGlobalContext, event: TrackedEvent): boolean {
  if (context.eventTypes && !context.eventTypes.has(event.eventType)) return false;
  if (context.accept || context.reject) {
    const schema = event.eventSchema;
    if (schema === undefined) return false;
    if (context.accept && !context.accept.some((pattern) => pattern.test(schema))) return false;
    if (context.reject?.some((pattern) => pattern.test(schema))) return false;
  }
  return true;
}

function isConditional(value: GlobalContext): value is ConditionalContext {
  return typeof value === 'object' && value !== null && 'contexts' in value;
}

function toRuleSet(schemas: string | readonly string[] | SchemaRuleSet): SchemaRuleSet {
  if (typeof schemas === 'string' || Array.isArray(schemas)) return { accept: schemas };
  const rules = schemas as SchemaRuleSet;
  if (rules.accept === undefined && rules.reject === undefined) {
    throw new TrackerConfigError('a schema condition needs `accept` or `reject` patterns');
  }
  return rules;
}

function toList(patterns: string | readonly string[]): readonly string[] {
  return typeof patterns === 'string' ? [patterns] : patterns;
}
