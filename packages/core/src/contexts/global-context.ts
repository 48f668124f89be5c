import type { EventType } from '../protocol/payload';
import type { SelfDescribingJson } from '../protocol/self-describing-json';
import type { TrackedEvent } from '../protocol/tracked-event';

/**
 * Computes entities for one event. Runs synchronously inside `track`; returning nothing adds
 * nothing. A generator that throws is reported (code `plugin`) and the event goes on without it.
 */
export type ContextGenerator = (
  event: TrackedEvent,
) => SelfDescribingJson<unknown> | readonly SelfDescribingJson<unknown>[] | null | undefined;

/** A global entity: a fixed self-describing JSON, or a generator called for each event. */
export type ContextPrimitive = SelfDescribingJson<unknown> | ContextGenerator;

/**
 * Iglu URI patterns, as in the Snowplow JavaScript tracker: `*` stands for a whole vendor segment,
 * name, format or version number, e.g. `iglu:com.acme/*\/jsonschema/1-*-*` or
 * `iglu:com.acme.*\/*\/jsonschema/*-*-*`. An event matches when some `accept` pattern matches its
 * schema and no `reject` pattern does (with only `reject`, every other schema matches).
 */
export interface SchemaRuleSet {
  readonly accept?: string | readonly string[];
  readonly reject?: string | readonly string[];
}

/**
 * Entities attached only to some events. Every condition given must hold.
 *
 * @example
 * tracker.addGlobalContexts([
 *   { schemas: 'iglu:com.acme/*\/jsonschema/1-*-*', contexts: [releaseEntity] },
 *   { eventTypes: ['pv'], contexts: [(event) => pageEntity(event.payload['url'])] },
 * ]);
 */
export interface ConditionalContext {
  /** Only events of these types. */
  readonly eventTypes?: readonly EventType[];
  /**
   * Only self-describing events whose schema matches: a pattern, a list of patterns (any may
   * match), or accept/reject lists. Events of other types never match a schema condition.
   */
  readonly schemas?: string | readonly string[] | SchemaRuleSet;
  /** Only events for which this returns `true`. A filter that throws is reported and excludes. */
  readonly filter?: (event: TrackedEvent) => boolean;
  /** What to attach when the conditions hold. */
  readonly contexts: readonly ContextPrimitive[];
}

/** Anything `globalContexts` and `addGlobalContexts` accept. */
export type GlobalContext = ContextPrimitive | ConditionalContext;
