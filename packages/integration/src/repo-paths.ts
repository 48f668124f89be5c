import { join, resolve } from 'node:path';

/**
 * The repository root. Tests run from source under jest (CommonJS), where `__dirname` is this
 * folder, so the root is three levels up.
 */
export const repoRoot = resolve(__dirname, '..', '..', '..');

/** The repo's own Iglu registry (save-game, link_click, client_session…). */
export const repoSchemas = join(repoRoot, 'schemas');
