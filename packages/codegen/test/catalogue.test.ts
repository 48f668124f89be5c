// The catalogue's content: every schema version of the repository's registry with its fields,
// types, constraints, descriptions and generated names; specs with links and an example that uses
// the rules; the README section; escaping.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRegistrySync } from '@floe/iglu';
import {
  buildCatalogue,
  embedInReadme,
  loadCodegenConfig,
  README_MARKERS,
  renderCatalogueHtml,
  writeCatalogue,
} from '../src/index';
import { REPO_ROOT, REPO_SCHEMAS, tempDir } from './helpers';

const CHECKOUT_SPEC = {
  name: 'SaveGameWithPage',
  description: 'A save from the web <game> page.',
  event: { schema: 'iglu:com.example_company/save-game/jsonschema/1-0-2' },
  entities: [
    { schema: 'iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0', cardinality: '1' },
    { schema: 'iglu:com.acme/not_in_registry/jsonschema/1-0-0', cardinality: '0..*' },
  ],
  rules: [
    { target: 'event', path: '/difficultyLevel', enum: ['HARD', 'MEDIUM'] },
    { target: 'event', path: '/level', minimum: 5 },
  ],
};

async function repoCatalogue() {
  const { config } = await loadCodegenConfig(join(REPO_ROOT, 'floe.config.json'));
  return buildCatalogue({
    schemas: readRegistrySync(REPO_SCHEMAS).schemas,
    specs: [{ file: 'save-game-with-page.json', spec: CHECKOUT_SPEC }],
    config,
    title: '@floe/events',
    importFrom: '@floe/events',
  });
}

test('every schema version of the registry, newest first, with fields, constraints and names', async () => {
  const catalogue = await repoCatalogue();
  const uris = catalogue.schemas.flatMap((schema) => schema.versions.map((v) => v.uri));
  expect(uris.sort()).toEqual(
    readRegistrySync(REPO_SCHEMAS)
      .schemas.map((e) => e.uri)
      .sort(),
  );
  const saveGame = catalogue.schemas.find((schema) => schema.name === 'save-game')!;
  expect(saveGame.versions.map((v) => [v.version, v.superseded, v.aliases])).toEqual([
    ['1-0-2', false, ['SaveGame']],
    ['1-0-1', true, []],
    ['1-0-0', true, []],
  ]);
  const newest = saveGame.versions[0]!;
  expect(newest.trackName).toBe('trackComExampleCompanySaveGame_1_0_2');
  expect(newest.fields).toEqual([
    {
      path: '/save_id',
      type: 'string',
      required: true,
      description: 'Identifier of the saved game.',
      constraints: ['maxLength 256'],
    },
    {
      path: '/level',
      type: 'integer',
      required: true,
      description: 'The level the player was on when saving.',
      constraints: ['minimum 0', 'maximum 1000'],
    },
    {
      path: '/difficultyLevel',
      type: '"EASY" | "MEDIUM" | "HARD"',
      required: false,
      description: 'Difficulty the game was played at.',
      constraints: [],
    },
    {
      path: '/dl_content',
      type: 'boolean',
      required: false,
      description: 'Whether the save includes downloadable content.',
      constraints: [],
    },
  ]);
  // The alias is the name people use, so the example uses it.
  expect(newest.example).toBe(
    "import { trackSaveGame } from '@floe/events';\n\ntrackSaveGame(tracker, { save_id: 'example', level: 1 });\n",
  );
  const older = saveGame.versions[2]!;
  expect(older.example).toContain('trackComExampleCompanySaveGame_1_0_0(tracker, {');
  // Array items are flattened under `[]`.
  const linkClick = catalogue.schemas.find((schema) => schema.name === 'link_click')!;
  expect(linkClick.versions[0]!.fields.map((f) => f.path)).toContain('/elementClasses');
  expect(linkClick.versions[0]!.fields.find((f) => f.path === '/elementClasses')!.type).toBe(
    'array of string',
  );
});

test('a spec shows its event, entities, rules and an example that keeps the rules', async () => {
  const catalogue = await repoCatalogue();
  const [spec] = catalogue.specs;
  expect(spec).toMatchObject({
    name: 'SaveGameWithPage',
    anchor: 'spec:SaveGameWithPage',
    trackName: 'trackSaveGameWithPage',
    rules: ['event /difficultyLevel: one of "HARD", "MEDIUM"', 'event /level: at least 5'],
  });
  // The entities go by kind, as track<Spec> takes them; the optional kind is left out.
  expect(spec!.example).toBe(
    [
      "import { trackSaveGameWithPage } from '@floe/events';",
      '',
      "trackSaveGameWithPage(tracker, { save_id: 'example', level: 5, difficultyLevel: 'HARD' }, {",
      "  webPage: { id: '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b' },",
      '});',
      '',
    ].join('\n'),
  );
  const html = renderCatalogueHtml(catalogue);
  // Known URIs are links to their entries; a URI outside the registry is plain text.
  expect(html).toContain(
    '<a href="#iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0"><code>',
  );
  expect(html).not.toContain('href="#iglu:com.acme/not_in_registry');
  // People's text is escaped; the page has no inline script or style.
  expect(html).toContain('A save from the web &lt;game&gt; page.');
  expect(html).not.toMatch(/<script>|<script(?![^>]*\bsrc=)|<style|\sstyle=|\son[a-z]+=/);
});

test('writeCatalogue writes the page, its script and style, and the README section', async () => {
  const temp = tempDir('floe-catalogue-');
  try {
    const specsDir = join(temp.dir, 'specs');
    mkdirSync(specsDir);
    writeFileSync(join(specsDir, 'save.json'), JSON.stringify(CHECKOUT_SPEC));
    const readme = join(temp.dir, 'README.md');
    writeFileSync(readme, '# @acme/tracking\n\nIntro.\n');
    const { config } = await loadCodegenConfig(join(REPO_ROOT, 'floe.config.json'));
    const options = {
      schemasDir: REPO_SCHEMAS,
      specsDir,
      config,
      title: '@acme/tracking',
      importFrom: '@acme/tracking',
      outDir: join(temp.dir, 'catalogue'),
      readme,
    };
    const { files } = writeCatalogue(options);
    expect(files.map((file) => file.slice(temp.dir.length + 1))).toEqual([
      'catalogue/index.html',
      'catalogue/catalogue.js',
      'catalogue/catalogue.css',
      'README.md',
    ]);
    const text = readFileSync(readme, 'utf8');
    expect(text.startsWith('# @acme/tracking\n\nIntro.\n\n')).toBe(true);
    expect(text).toContain('[catalogue/index.html](catalogue/index.html)');
    expect(text).toContain(
      '| SaveGameWithPage: A save from the web <game> page. | `trackSaveGameWithPage` |',
    );
    expect(text).toContain(
      '| `com.example_company/save-game` | 1-0-2 | `trackSaveGame`, `trackComExampleCompanySaveGame_1_0_2`, `createComExampleCompanySaveGame_1_0_2` |',
    );
    // A second run replaces the section instead of adding one.
    writeCatalogue(options);
    const again = readFileSync(readme, 'utf8');
    expect(again).toBe(text);
    expect(again.split(README_MARKERS.start)).toHaveLength(2);
    expect(
      embedInReadme(`a\n${README_MARKERS.start}\nold\n${README_MARKERS.end}\nb\n`, 'new\n'),
    ).toBe(`a\n${README_MARKERS.start}\n\nnew\n\n${README_MARKERS.end}\nb\n`);
  } finally {
    temp.remove();
  }
});
