import { base64UrlEncode } from '../payload/base64url';
import type { KeysFragment } from '../payload/keys-fragment';
import { keysFragment } from '../payload/payload-text';
import {
  contextsText,
  type EntityText,
  selfDescribingParts,
} from '../payload/self-describing-text';
import { PluginError } from '../plugins/plugin-error';
import type { SelfDescribingJson } from '../protocol/self-describing-json';
import type { TrackedEvent } from '../tracker/tracked-event';
import { TrackerConfigError } from '../tracker/tracker-config-error';
import {
  type CompiledGlobalContext,
  compileGlobalContext,
  matchesConditions,
} from './compile-global-context';
import type { GlobalContext } from './global-context';

/** Where the registry reports a generator or filter that threw. */
export type ReportPluginError = (error: PluginError) => void;

/**
 * The tracker's global contexts. Fixed, unconditional entities are serialised once, and when they
 * are all there is, their whole envelope is cached, so most events pay one string copy for them.
 */
export class GlobalContextRegistry {
  private contexts: CompiledGlobalContext[] = [];
  /** Whether every context is fixed and unconditional (no event needs to be looked at). */
  isStatic = true;
  private staticTexts: string[] = [];
  private keys: KeysFragment | undefined;
  private keysBase64: KeysFragment | undefined;

  /**
   * Adds contexts after the existing ones.
   *
   * @param contexts - a list, or a record whose keys name the contexts for {@link remove}; a
   *   name already in use replaces the older context.
   * @throws TrackerConfigError when any of them is malformed; then none is added.
   */
  add(contexts: readonly GlobalContext[] | Readonly<Record<string, GlobalContext>>): void {
    if (!Array.isArray(contexts) && (typeof contexts !== 'object' || contexts === null)) {
      throw new TrackerConfigError('global contexts must be a list or a record of contexts');
    }
    const entries: [string | undefined, GlobalContext][] = Array.isArray(contexts)
      ? contexts.map((context) => [undefined, context])
      : Object.entries(contexts);
    const compiled = entries.map(([name, context]) => compileGlobalContext(context, name));
    // Adding under a name that is already there replaces the older context.
    const names = new Set<string | undefined>(compiled.map((c) => c.name));
    names.delete(undefined);
    this.update([...this.contexts.filter((c) => !names.has(c.name)), ...compiled]);
  }

  /**
   * Removes contexts by identity (the same object or function that was added) or by name.
   *
   * @param contexts - contexts or names to remove; unknown ones are ignored.
   */
  remove(contexts: readonly (GlobalContext | string)[]): void {
    const gone = new Set<unknown>(contexts);
    this.update(this.contexts.filter((c) => !gone.has(c.source) && !gone.has(c.name)));
  }

  /** Removes every global context. */
  clear(): void {
    this.update([]);
  }

  /**
   * The fixed contexts' envelope, written once as the `,"co":"…"` pair (or `,"cx":"…"`, base64url)
   * every event copies, when the registry {@link isStatic}; `undefined` when there are no global
   * contexts.
   */
  staticKeys(base64: boolean): KeysFragment | undefined {
    if (this.staticTexts.length === 0) return undefined;
    if (base64) {
      this.keysBase64 ??= keysFragment({ cx: base64UrlEncode(contextsText(this.staticTexts)) });
      return this.keysBase64;
    }
    this.keys ??= keysFragment({ co: contextsText(this.staticTexts) });
    return this.keys;
  }

  /**
   * Appends the serialised global entities for one event, in the order the contexts were added.
   *
   * @param event - the event being built (needed only when not {@link isStatic}).
   * @param texts - the entity texts so far; appended to.
   * @param sources - when validating, the entity objects; appended to in step with `texts`.
   * @param report - receives generator and filter errors.
   * @throws InvalidEventError when a generator returns something that is not a valid entity.
   */
  collect(
    event: TrackedEvent | undefined,
    texts: EntityText[],
    sources: SelfDescribingJson<unknown>[] | undefined,
    report: ReportPluginError,
  ): void {
    for (const context of this.contexts) {
      if (
        !context.unconditional &&
        (event === undefined || !this.applies(context, event, report))
      ) {
        continue;
      }
      for (const text of context.texts) texts.push(text);
      if (sources) for (const entity of context.entities) sources.push(entity);
      if (event !== undefined) {
        for (const generator of context.generators)
          this.generate(generator, event, texts, sources, report);
      }
    }
  }

  private applies(
    context: CompiledGlobalContext,
    event: TrackedEvent,
    report: ReportPluginError,
  ): boolean {
    if (!matchesConditions(context, event)) return false;
    if (context.filter === undefined) return true;
    try {
      return context.filter(event) === true;
    } catch (error) {
      report(new PluginError('a global context filter threw', error));
      return false;
    }
  }

  private generate(
    generator: (event: TrackedEvent) => unknown,
    event: TrackedEvent,
    texts: EntityText[],
    sources: SelfDescribingJson<unknown>[] | undefined,
    report: ReportPluginError,
  ): void {
    let output: unknown;
    try {
      output = generator(event);
    } catch (error) {
      report(new PluginError('a global context generator threw', error));
      return;
    }
    if (output === undefined || output === null) return;
    const entities = Array.isArray(output) ? output : [output];
    for (const entity of entities) {
      texts.push(selfDescribingParts(entity, 'generated global context'));
      if (sources) sources.push(entity as SelfDescribingJson<unknown>);
    }
  }

  private update(contexts: CompiledGlobalContext[]): void {
    this.contexts = contexts;
    this.isStatic = contexts.every((c) => c.unconditional && c.generators.length === 0);
    this.staticTexts = this.isStatic ? contexts.flatMap((c) => c.texts) : [];
    this.keys = undefined;
    this.keysBase64 = undefined;
  }
}
