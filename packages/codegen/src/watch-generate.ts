import { type FSWatcher, watch } from 'node:fs';
import { resolve, sep } from 'node:path';
import { type GenerateOptions, type GenerateResult, generate } from './generate';
import { createRegistryCache, type RegistryCache } from './registry-cache';

/** Options of {@link watchGenerate}: those of `generate` plus the watch settings. */
export interface WatchOptions extends Omit<GenerateOptions, 'check' | 'only'> {
  /** Quiet time after the last change before regenerating, in ms. Default 100. */
  readonly debounceMs?: number;
  /** Called after every run, the first (full) one included. */
  readonly onRun?: (result: GenerateResult, changed: readonly string[]) => void;
  /** Called when a run throws (an unreadable folder, a full disk…); watching goes on. */
  readonly onError?: (error: unknown) => void;
}

/** A running watcher. */
export interface GenerateWatcher {
  /** Settles after the first full run. */
  readonly ready: Promise<GenerateResult>;
  /** Settles when no run is in progress or scheduled. */
  idle(): Promise<void>;
  /** Stops watching; a run in progress finishes. */
  close(): void;
}

// `VENDOR/NAME/jsonschema/M-R-A` under the registry folder.
const SCHEMA_PATH = /^[^/]+\/[^/]+\/jsonschema\/\d+-\d+-\d+$/;

/**
 * Generates once, then watches the registry folder (`fs.watch`, recursive) and regenerates only
 * the changed schemas' modules (with their families, for `@deprecated`) plus the indexes,
 * aliases and validators, after `debounceMs` of quiet. The registry stays in memory and only
 * changed files are read again. Runs never overlap.
 *
 * @param options - as for `generate`, plus `debounceMs`, `onRun` and `onError`
 * @example
 * const watcher = watchGenerate({ schemasDir: 'schemas', outDir: 'src/generated', onRun: (r) => console.log(r.summary) });
 * process.on('SIGINT', () => watcher.close());
 */
export function watchGenerate(options: WatchOptions): GenerateWatcher {
  const { debounceMs = 100, onRun, onError, ...generateOptions } = options;
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let closed = false;
  let watcher: FSWatcher | undefined;

  let cache: RegistryCache | undefined;
  const run = async (changed: string[]): Promise<void> => {
    try {
      await cache!.refresh(changed);
      const result = await generate({
        ...generateOptions,
        only: changed,
        registry: cache!.contents(),
      });
      onRun?.(result, changed);
    } catch (error) {
      onError?.(error);
    }
  };
  const flush = (): void => {
    timer = undefined;
    if (closed || pending.size === 0) return;
    const changed = [...pending].sort();
    pending.clear();
    running = running.then(() => run(changed));
  };
  const ready = createRegistryCache(resolve(options.schemasDir)).then(async (created) => {
    cache = created;
    const result = await generate({ ...generateOptions, registry: cache.contents() });
    onRun?.(result, []);
    if (!closed) {
      watcher = watch(resolve(options.schemasDir), { recursive: true }, (_event, name) => {
        const path = name ? String(name).split(sep).join('/') : '';
        if (!SCHEMA_PATH.test(path)) return;
        pending.add(path);
        if (timer) clearTimeout(timer);
        timer = setTimeout(flush, debounceMs);
      });
      watcher.on('error', (error) => onError?.(error));
    }
    return result;
  });
  return {
    ready,
    async idle() {
      await ready;
      while (timer || pending.size > 0) {
        await new Promise((done) => setTimeout(done, debounceMs));
        await running;
      }
      await running;
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      watcher?.close();
    },
  };
}
