import type { GlobalContext } from '../contexts/global-context';
import type { Tracker } from './tracker';

/**
 * The tracker `createTracker` returns: a {@link Tracker} whose global-context methods are always
 * there.
 */
export interface FloeTracker extends Tracker {
  /**
   * Adds global contexts after the existing ones.
   *
   * @param contexts - a list, or a record whose keys name the contexts; a name already in use
   *   replaces the older context.
   * @throws TrackerConfigError for a malformed context or schema pattern; then none is added.
   */
  addGlobalContexts(
    contexts: readonly GlobalContext[] | Readonly<Record<string, GlobalContext>>,
  ): void;
  /**
   * Removes global contexts.
   *
   * @param contexts - the same objects or functions that were added, or the names they were
   *   added under; unknown ones are ignored.
   */
  removeGlobalContexts(contexts: readonly (GlobalContext | string)[]): void;
  /** Removes every global context. */
  clearGlobalContexts(): void;
}
