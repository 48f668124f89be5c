import type {
  Catalogue,
  CatalogueField,
  CatalogueSchema,
  CatalogueSpec,
  CatalogueVersion,
} from './catalogue-model';
import { escapeHtml as h } from './escape-html';

/** The file names `floe docs` writes; the page loads the other two. */
export const CATALOGUE_FILES = {
  page: 'index.html',
  script: 'catalogue.js',
  style: 'catalogue.css',
} as const;

/** What the search matches for an entry: its names, URIs, descriptions and field paths. */
const searchText = (parts: readonly (string | undefined)[]): string =>
  h(parts.filter(Boolean).join(' ').toLowerCase());

function uriRef(uri: string, known: ReadonlySet<string>): string {
  // Only entries on this page are links, so every link on it resolves.
  return known.has(uri)
    ? `<a href="#${h(uri)}"><code>${h(uri)}</code></a>`
    : `<code>${h(uri)}</code>`;
}

function exampleBlock(example: string): string {
  return `<div class="example"><button type="button" class="copy">Copy</button><pre><code>${h(example)}</code></pre></div>`;
}

function fieldRow(field: CatalogueField): string {
  return `<tr><td><code>${h(field.path)}</code>${field.required ? ' <span class="required">required</span>' : ''}</td><td><code>${h(field.type)}</code></td><td>${h(field.constraints.join(', '))}</td><td>${h(field.description ?? '')}</td></tr>`;
}

function fieldTable(fields: readonly CatalogueField[]): string {
  if (fields.length === 0) return '<p class="muted">No declared fields.</p>';
  return `<table class="fields"><thead><tr><th>Field</th><th>Type</th><th>Constraints</th><th>Description</th></tr></thead><tbody>${fields.map(fieldRow).join('')}</tbody></table>`;
}

function versionEntry(schema: CatalogueSchema, version: CatalogueVersion): string {
  const search = searchText([
    version.uri,
    `${schema.vendor}/${schema.name}`,
    version.description,
    version.typeName,
    version.createName,
    version.trackName,
    ...version.aliases.flatMap((alias) => [alias, `track${alias}`, `create${alias}`]),
    ...version.fields.flatMap((field) => [field.path, field.description]),
  ]);
  const badges = [
    ...version.aliases.map((alias) => `<span class="badge alias">alias ${h(alias)}</span>`),
    version.superseded ? '<span class="badge old">superseded</span>' : '',
  ].join('');
  return `<article class="entry schema" id="${h(version.uri)}" data-search="${search}">
<h3>${h(schema.vendor)}/<strong>${h(schema.name)}</strong> <span class="version">${h(version.version)}</span>${badges}</h3>
<p class="uri"><code>${h(version.uri)}</code></p>
${version.description ? `<p>${h(version.description)}</p>` : ''}
${fieldTable(version.fields)}
<p class="names">Generated: <code>${h(version.trackName)}</code>, <code>${h(version.createName)}</code>, type <code>${h(version.typeName)}</code>${version.aliases.map((alias) => `; alias <code>track${h(alias)}</code>`).join('')}</p>
${exampleBlock(version.example)}
</article>`;
}

function specEntry(spec: CatalogueSpec, known: ReadonlySet<string>): string {
  const search = searchText([
    spec.name,
    spec.trackName,
    spec.description,
    spec.event,
    ...spec.entities.map((e) => e.uri),
    ...spec.rules,
  ]);
  const entities =
    spec.entities.length === 0
      ? '<li class="muted">none</li>'
      : spec.entities
          .map(
            (entity) =>
              `<li>${uriRef(entity.uri, known)} <span class="cardinality">× ${h(entity.cardinality)}</span></li>`,
          )
          .join('');
  const rules =
    spec.rules.length === 0
      ? ''
      : `<h4>Rules</h4><ul>${spec.rules.map((rule) => `<li><code>${h(rule)}</code></li>`).join('')}</ul>`;
  return `<article class="entry spec" id="${h(spec.anchor)}" data-search="${search}">
<h3>${h(spec.name)} <span class="badge spec">spec</span></h3>
${spec.description ? `<p>${h(spec.description)}</p>` : ''}
<p>Event: ${uriRef(spec.event, known)}</p>
<h4>Entities</h4><ul>${entities}</ul>
${rules}
<p class="names">Generated: <code>${h(spec.trackName)}</code> (from <code>specs/${h(spec.file)}</code>)</p>
${exampleBlock(spec.example)}
</article>`;
}

function navigation(catalogue: Catalogue): string {
  const specs = catalogue.specs
    .map((spec) => `<li><a href="#${h(spec.anchor)}">${h(spec.name)}</a></li>`)
    .join('');
  const schemas = catalogue.schemas
    .flatMap((schema) =>
      schema.versions.map(
        (version) =>
          `<li><a href="#${h(version.uri)}">${h(schema.name)} <span class="version">${h(version.version)}</span></a></li>`,
      ),
    )
    .join('');
  return `<nav aria-label="Entries">${specs ? `<h2>Specs</h2><ul>${specs}</ul>` : ''}<h2>Schemas</h2><ul>${schemas}</ul></nav>`;
}

/**
 * The catalogue as one static HTML page. It carries no inline script or style (the search and
 * the copy buttons live in `catalogue.js`, the look in `catalogue.css`, both beside it), so it
 * works under a strict Content-Security-Policy and from `file://`. Every entry's `id` is its Iglu
 * URI (or `spec:<Name>`), so other tools can link straight to it.
 *
 * @param catalogue - what to show
 */
export function renderCatalogueHtml(catalogue: Catalogue): string {
  const known = new Set(catalogue.schemas.flatMap((schema) => schema.versions.map((v) => v.uri)));
  const count = catalogue.schemas.reduce((sum, schema) => sum + schema.versions.length, 0);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="floe docs">
<title>${h(catalogue.title)}: tracking plan</title>
<link rel="stylesheet" href="${CATALOGUE_FILES.style}">
<script src="${CATALOGUE_FILES.script}" defer></script>
</head>
<body>
<header>
<h1>${h(catalogue.title)} <span class="muted">tracking plan</span></h1>
<p class="muted">${catalogue.specs.length} event specifications, ${count} schema versions. Generated by floe docs; do not edit.</p>
<input id="search" type="search" placeholder="Search events, fields, functions…" aria-label="Search the catalogue" autocomplete="off">
<span id="shown" class="muted" aria-live="polite"></span>
</header>
<div class="layout">
${navigation(catalogue)}
<main>
<section id="specs"><h2>Event specifications</h2>
${catalogue.specs.length === 0 ? '<p class="muted">No specs in this plan.</p>' : catalogue.specs.map((spec) => specEntry(spec, known)).join('\n')}
</section>
<section id="schemas"><h2>Schemas</h2>
${catalogue.schemas.flatMap((schema) => schema.versions.map((version) => versionEntry(schema, version))).join('\n')}
</section>
<p id="no-match" class="muted" hidden>No entry matches the search.</p>
</main>
</div>
</body>
</html>
`;
}
