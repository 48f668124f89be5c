import { FloeError } from '@floe/core';

/**
 * The error type of `@floe/collector`. `code` is stable and machine-readable:
 * `invalid_option` (a bad option or CLI argument), `listen_failed` (the port could not be bound),
 * `storage_failed` (the database could not be opened), `storage_unavailable` (the optional
 * `better-sqlite3` driver could not be loaded).
 *
 * @example
 * try { await startCollector({ port: -1 }); } catch (e) { if (e instanceof CollectorError) console.log(e.code); }
 */
export class CollectorError extends FloeError<string> {
  override readonly name: string = 'CollectorError';
}
