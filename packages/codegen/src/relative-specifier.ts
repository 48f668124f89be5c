import type { ImportExtension } from './codegen-config';

/**
 * The import specifier of a generated module, as the `importExtension` option spells it:
 * `./com.acme/index.js` for `'.js'` (NodeNext requires it, and every other resolution maps it to
 * the `.ts` file), `./com.acme/index` for `'none'`.
 *
 * @param path - the target relative to the importing module, with or without `.ts`
 *   (`./com.acme/index.ts`)
 * @param extension - the configured spelling
 * @example
 * relativeSpecifier('./link_click/1-0-1.ts', '.js'); // './link_click/1-0-1.js'
 */
export function relativeSpecifier(path: string, extension: ImportExtension): string {
  const bare = path.replace(/\.ts$/, '');
  return extension === 'none' ? bare : `${bare}.js`;
}
