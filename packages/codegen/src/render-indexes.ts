import type { ImportExtension } from './codegen-config';
import { relativeSpecifier } from './relative-specifier';

/**
 * A vendor's index module: re-exports every schema module of that vendor, sorted.
 *
 * @param header - from `renderHeader`
 * @param modulePaths - module paths relative to the output folder (`vendor/name/M-R-A.ts`)
 * @param extension - how relative imports end (`importExtension`)
 */
export function renderVendorIndex(
  header: string,
  modulePaths: readonly string[],
  extension: ImportExtension,
): string {
  const lines = [...modulePaths]
    .map((path) => relativeSpecifier(`./${path.split('/').slice(1).join('/')}`, extension))
    .sort()
    .map((specifier) => `export * from '${specifier}';`);
  return `${header}\n${lines.join('\n')}\n`;
}

/**
 * The root index module: re-exports every vendor index and, when present, the aliases module.
 * Validators are not re-exported: they live behind their own import (decision 11).
 *
 * @param header - from `renderHeader`
 * @param vendors - vendor folder names
 * @param extension - how relative imports end (`importExtension`)
 * @param aliasesModule - the aliases module's name without extension, if any
 * @param moreModules - other top-level modules to re-export (the specs module), without extension
 */
export function renderRootIndex(
  header: string,
  vendors: readonly string[],
  extension: ImportExtension,
  aliasesModule?: string,
  moreModules: readonly string[] = [],
): string {
  const reexport = (path: string) => `export * from '${relativeSpecifier(path, extension)}';`;
  const lines = [...vendors].sort().map((vendor) => reexport(`./${vendor}/index`));
  if (aliasesModule) lines.push(reexport(`./${aliasesModule}`));
  for (const module of moreModules) lines.push(reexport(`./${module}`));
  return `${header}\n${lines.join('\n')}\n`;
}
