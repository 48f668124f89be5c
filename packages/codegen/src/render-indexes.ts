/**
 * A vendor's index module: re-exports every schema module of that vendor, sorted.
 *
 * @param header - from `renderHeader`
 * @param modulePaths - module paths relative to the output folder (`vendor/name/M-R-A.ts`)
 */
export function renderVendorIndex(header: string, modulePaths: readonly string[]): string {
  const lines = [...modulePaths]
    .map((path) => `./${path.split('/').slice(1).join('/').replace(/\.ts$/, '')}`)
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
 * @param aliasesModule - the aliases module's name without extension, if any
 */
export function renderRootIndex(
  header: string,
  vendors: readonly string[],
  aliasesModule?: string,
): string {
  const lines = [...vendors].sort().map((vendor) => `export * from './${vendor}/index';`);
  if (aliasesModule) lines.push(`export * from './${aliasesModule}';`);
  return `${header}\n${lines.join('\n')}\n`;
}
