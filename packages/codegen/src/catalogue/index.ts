// The browsable catalogue of a tracking plan: `floe docs`.
export { buildCatalogue, type CatalogueInput } from './build-catalogue';
export type {
  Catalogue,
  CatalogueField,
  CatalogueSchema,
  CatalogueSpec,
  CatalogueSpecEntity,
  CatalogueVersion,
} from './catalogue-model';
export { describeFields, typeLabel } from './describe-fields';
export { exampleObject, exampleValue, tsLiteral } from './example-data';
export { CATALOGUE_FILES, renderCatalogueHtml } from './render-catalogue-html';
export {
  embedInReadme,
  README_MARKERS,
  renderCatalogueMarkdown,
} from './render-catalogue-markdown';
export {
  type CatalogueSource,
  loadCatalogue,
  type WriteCatalogueOptions,
  writeCatalogue,
} from './write-catalogue';
