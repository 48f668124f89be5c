import { FloeError } from '../errors/floe-error';
import type { SelfDescribingJson } from '../protocol/self-describing-json';
import type { TrackedEvent } from '../protocol/tracked-event';
import { type CompiledGlobalContext, compileGlobalContext } from './compile-global-context';
import type { GlobalContext } from './global-context';

/** The tracker's global contexts, in the order they were added. */
export interface GlobalContextRegistry {
  /**
   * Adds contexts after the existing ones.
   *
   * @param contexts - a list, or a record whose keys name the contexts for {@link remove}; a name
   *   already in use replaces the older context.
   * @throws FloeError (`invalid_config`) when any of them is malformed; then none is added.
   */
  add(contexts: readonly GlobalContext[] | Readonly<Record<string, GlobalContext>>): void;
  /** Removes contexts by identity (the same object or function that was added) or by name. */
  remove(contexts: readonly (GlobalContext | string)[]): void;
  clear(): void;
  /** How many contexts there are: with none, the tracker skips collecting. */
  readonly size: number;
  /**
   * Appends the global entities of one event, in the order the contexts were added (see
   * {@link CompiledGlobalContext.collect}).
   */
  collect(
    event: TrackedEvent,
    texts: string[],
    sources: SelfDescribingJson<unknown>[] | undefined,
  ): void;
}

/**
 * Creates an empty {@link GlobalContextRegistry}.
 *
 * @param report - receives generators and filters that threw (code `plugin`).
 */
export function createGlobalContextRegistry(
  report: (error: FloeError) => void,
): GlobalContextRegistry {
  let contexts: CompiledGlobalContext[] = [];
  return {
    add(added) {
      let compiled: CompiledGlobalContext[];
      try {
        // A list's entries are keyed by index: those are not names.
        const named = !Array.isArray(added);
        compiled = Object.entries(added).map(([name, context]) =>
          compileGlobalContext(context, named ? name : undefined),
        );
      } catch (error) {
        // Whatever check refused it (an entity, a pattern, the shape), it is the caller's option.
        throw new FloeError('invalid_config', (error as Error).message, { cause: error });
      }
      // Adding under a name that is already there replaces the older context.
      const names = new Set(compiled.map((context) => context.name));
      contexts = [
        ...contexts.filter((context) => context.name === undefined || !names.has(context.name)),
        ...compiled,
      ];
    },
    remove(removed) {
      const gone = new Set<unknown>(removed);
      contexts = contexts.filter((context) => !gone.has(context.source) && !gone.has(context.name));
    },
    clear() {
      contexts = [];
    },
    get size() {
      return contexts.length;
    },
    collect(event, texts, sources) {
      for (const context of contexts) context.collect(event, texts, sources, report);
    },
  };
}
