import { FloeError } from '../errors/floe-error';
import type { SelfDescribingJson } from '../protocol/self-describing-json';
import { selfDescribingText } from '../protocol/self-describing-text';
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
  /**
   * Appends the global entities of one event, serialised, in the order the contexts were added.
   *
   * @param event - gives the event being built, for conditions and generators; without it only
   *   the unconditional fixed entities are collected (an event built only to report it).
   * @param texts - the event's entity texts so far; appended to.
   * @param sources - when validating, the entities themselves; appended to in step with `texts`.
   * @param report - receives generators and filters that threw (code `plugin`).
   * @throws FloeError (`invalid_event`) when a generator returns something that is not an entity.
   */
  collect(
    event: (() => TrackedEvent) | undefined,
    texts: string[],
    sources: SelfDescribingJson<unknown>[] | undefined,
    report: (error: FloeError) => void,
  ): void;
}

/** Creates an empty {@link GlobalContextRegistry}. */
export function createGlobalContextRegistry(): GlobalContextRegistry {
  let contexts: CompiledGlobalContext[] = [];
  return {
    add(added) {
      if (typeof added !== 'object' || added === null) {
        throw new FloeError('invalid_config', 'global contexts must be a list or a record');
      }
      const compiled = Array.isArray(added)
        ? added.map((context) => compileGlobalContext(context, undefined))
        : Object.entries(added).map(([name, context]) => compileGlobalContext(context, name));
      // Adding under a name that is already there replaces the older context.
      const names = new Set(compiled.map((c) => c.name).filter((name) => name !== undefined));
      contexts = [...contexts.filter((c) => !names.has(c.name as string)), ...compiled];
    },
    remove(removed) {
      const gone = new Set<unknown>(removed);
      contexts = contexts.filter((c) => !gone.has(c.source) && !gone.has(c.name));
    },
    clear() {
      contexts = [];
    },
    collect(event, texts, sources, report) {
      for (const context of contexts) {
        const { applies } = context;
        if (applies !== undefined && (event === undefined || !applies(event(), report))) continue;
        texts.push(...context.texts);
        sources?.push(...context.entities);
        if (event === undefined) continue;
        for (const generator of context.generators) {
          let output: unknown;
          try {
            output = generator(event());
          } catch (error) {
            report(new FloeError('plugin', 'a global context generator threw', { cause: error }));
            continue;
          }
          if (output === undefined || output === null) continue;
          for (const entity of Array.isArray(output) ? output : [output]) {
            texts.push(selfDescribingText(entity, 'generated global context'));
            sources?.push(entity as SelfDescribingJson<unknown>);
          }
        }
      }
    },
  };
}
