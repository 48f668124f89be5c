import type { Database } from 'better-sqlite3';
import { CollectorError } from '../collector-error';

/** better-sqlite3's `Database` class. */
export type DatabaseConstructor = new (file: string) => Database;

let loading: Promise<DatabaseConstructor> | undefined;

/** Why the driver cannot load, in one line: its own messages run to a dozen "Tried:" paths. */
function reason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = String((error as Error | null)?.message ?? error);
  if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') {
    if (/better-sqlite3/.test(message.split('\n')[0] ?? '')) return 'it is not installed';
  }
  if (/Could not locate the bindings file/.test(message))
    return 'its native module was not built (install scripts skipped, or no compiler)';
  if (/NODE_MODULE_VERSION/.test(message))
    return 'it was built for another Node.js version (npm rebuild better-sqlite3)';
  return (message.split('\n')[0] ?? '').trim().slice(0, 160);
}

/**
 * Loads better-sqlite3, an optional dependency, on first use only: `floe generate` and a
 * collector on memory storage never touch the native module. Opening a throwaway in-memory
 * database proves the native part loads too, since the package itself imports without it.
 *
 * @throws CollectorError `storage_unavailable`, with a one-line reason, when it cannot load
 */
export function loadSqliteDriver(): Promise<DatabaseConstructor> {
  loading ??= (async () => {
    try {
      const module = (await import('better-sqlite3')) as unknown as {
        default?: DatabaseConstructor;
      };
      const Constructor = (module.default ?? module) as DatabaseConstructor;
      new Constructor(':memory:').close();
      return Constructor;
    } catch (error) {
      loading = undefined;
      throw new CollectorError(
        'storage_unavailable',
        `better-sqlite3 cannot load: ${reason(error)}`,
        {
          cause: error,
        },
      );
    }
  })();
  return loading;
}
