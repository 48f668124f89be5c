import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { readRegistrySync } from '@floe/iglu';
import type { CodegenConfig } from '../codegen-config';
import { CodegenError } from '../codegen-error';
import { readPlanSpecs } from '../release/read-plan-specs';
import { buildCatalogue } from './build-catalogue';
import type { Catalogue } from './catalogue-model';
import { CATALOGUE_SCRIPT } from './catalogue-script';
import { CATALOGUE_STYLE } from './catalogue-style';
import { CATALOGUE_FILES, renderCatalogueHtml } from './render-catalogue-html';
import { embedInReadme, renderCatalogueMarkdown } from './render-catalogue-markdown';

/** Where a catalogue's content comes from. */
export interface CatalogueSource {
  readonly schemasDir: string;
  readonly specsDir: string;
  readonly config: CodegenConfig;
  readonly title: string;
  readonly importFrom: string;
}

/**
 * Reads the schemas and specs and builds the catalogue.
 *
 * @param source - folders, config, title and the module examples import from
 * @throws CodegenError `invalid_registry` when a schema cannot be read, `invalid_spec` for a
 *   broken spec: a catalogue with silent gaps would mislead
 */
export function loadCatalogue(source: CatalogueSource): Catalogue {
  const registry = readRegistrySync(source.schemasDir);
  const error = registry.issues.find((issue) => issue.level === 'error');
  if (error) {
    throw new CodegenError(
      'invalid_registry',
      `${error.file ?? source.schemasDir}: ${error.message}`,
    );
  }
  return buildCatalogue({
    schemas: registry.schemas,
    specs: readPlanSpecs(source.specsDir),
    config: source.config,
    title: source.title,
    importFrom: source.importFrom,
  });
}

/** What `writeCatalogue` should write besides the page. */
export interface WriteCatalogueOptions extends CatalogueSource {
  /** The folder for `index.html`, `catalogue.js` and `catalogue.css`. */
  readonly outDir: string;
  /** A README whose catalogue section is refreshed (created with markers when missing). */
  readonly readme?: string;
}

/**
 * Writes the browsable catalogue (`index.html` with `catalogue.js` and `catalogue.css` beside
 * it) and, when asked, refreshes the catalogue section of a README, linking to the page.
 *
 * @param options - the source, the output folder and the README
 * @returns the files written and the catalogue
 * @example
 * writeCatalogue({ schemasDir, specsDir, config, title: '@acme/tracking', importFrom: '@acme/tracking', outDir: 'catalogue' });
 */
export function writeCatalogue(options: WriteCatalogueOptions): {
  files: string[];
  catalogue: Catalogue;
} {
  const catalogue = loadCatalogue(options);
  mkdirSync(options.outDir, { recursive: true });
  const files = [
    [CATALOGUE_FILES.page, renderCatalogueHtml(catalogue)],
    [CATALOGUE_FILES.script, CATALOGUE_SCRIPT],
    [CATALOGUE_FILES.style, CATALOGUE_STYLE],
  ].map(([name, text]) => {
    const file = join(options.outDir, name!);
    writeFileSync(file, text!);
    return file;
  });
  if (options.readme) {
    const link = relative(join(options.readme, '..'), join(options.outDir, CATALOGUE_FILES.page))
      .split(sep)
      .join('/');
    const before = existsSync(options.readme) ? readFileSync(options.readme, 'utf8') : '';
    writeFileSync(options.readme, embedInReadme(before, renderCatalogueMarkdown(catalogue, link)));
    files.push(options.readme);
  }
  return { files, catalogue };
}
