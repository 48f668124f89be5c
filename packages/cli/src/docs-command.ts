import { relative, resolve } from 'node:path';
import type { CliIo } from './cli-io';
import { defineCommand } from './command';
import { resolvePlanSetup } from './resolve-plan-setup';
import { DOCS_USAGE } from './usage';

const flags = {
  out: { type: 'string' },
  readme: { type: 'string' },
  schemas: { type: 'string' },
  specs: { type: 'string' },
  config: { type: 'string' },
  title: { type: 'string' },
  'import-from': { type: 'string' },
} as const;

/**
 * `floe docs [--out dir] [--readme file] [--schemas dir] [--specs dir] [--config file]
 * [--title text] [--import-from module]`: writes the browsable catalogue and, with `--readme`,
 * refreshes the README's catalogue section. Exits 0, or 1 when a schema or spec cannot be read.
 */
export const docsCommand = defineCommand({
  usage: DOCS_USAGE,
  flags,
  async run(values, io: CliIo) {
    const { config, schemas, specs } = values;
    const setup = await resolvePlanSetup({ config, schemas, specs }, io.cwd);
    const { writeCatalogue } = await import('@floe/codegen');
    const outDir = resolve(io.cwd, values.out ?? 'catalogue');
    const packageName = setup.packageJson?.name;
    const importFrom =
      values['import-from'] ??
      packageName ??
      `./${relative(io.cwd, resolve(setup.outDir, 'index.js')).split('\\').join('/')}`;
    const { catalogue, files } = writeCatalogue({
      schemasDir: setup.schemasDir,
      specsDir: setup.specsDir,
      config: setup.config,
      title: values.title ?? packageName ?? 'Tracking plan',
      importFrom,
      outDir,
      ...(values.readme ? { readme: resolve(io.cwd, values.readme) } : {}),
    });
    const versions = catalogue.schemas.reduce((sum, schema) => sum + schema.versions.length, 0);
    const page = relative(io.cwd, files[0]!) || files[0]!;
    const readme = values.readme ? `; catalogue section of ${values.readme} refreshed` : '';
    io.stdout.write(
      `floe docs: ${versions} schema version${versions === 1 ? '' : 's'}, ${catalogue.specs.length} spec${catalogue.specs.length === 1 ? '' : 's'} → ${page}${readme}\n`,
    );
    return 0;
  },
});
