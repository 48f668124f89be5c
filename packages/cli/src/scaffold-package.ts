import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { findChangesetRoot, writeCatalogue } from '@floe/codegen';
import { CliUsageError } from './cli-usage-error';
import { type SdkLicense, sdkPackageManifest } from './sdk-package-manifest';
import { sdkRepository } from './sdk-repository';
import { templatesDir } from './templates-dir';

/** What `floe init` scaffolds. */
export interface ScaffoldOptions {
  /** The new package's folder (absolute). */
  readonly packageDir: string;
  /** The npm package name, e.g. `@acme/tracking`. */
  readonly name: string;
  /** The tracking plan's schema folder (absolute); specs are read from `specs/` beside it. */
  readonly schemasDir: string;
  readonly license: SdkLicense;
  /** The LICENSE's copyright holder. */
  readonly holder: string;
  /** `--repository`, else the git remote `origin`. */
  readonly repository?: string;
}

/** What `floe init` did. */
export interface ScaffoldResult {
  /** Every file written, absolute. */
  readonly written: string[];
  /** Files that existed and were left alone (an existing changesets setup). */
  readonly kept: string[];
  /** Things to fix before publishing. */
  readonly warnings: string[];
}

const posix = (path: string) => path.split(sep).join('/');

function listTemplates(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listTemplates(join(dir, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  );
}

/** Where a template file goes in the package, or `undefined` when it is not for this package. */
function targetOf(template: string, license: SdkLicense): string | undefined {
  if (template.startsWith('changeset/')) return undefined;
  if (template.startsWith('LICENSE-'))
    return template === `LICENSE-${license}` ? 'LICENSE' : undefined;
  if (template === 'gitignore') return '.gitignore';
  return template;
}

function write(file: string, text: string, written: string[]): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  written.push(file);
}

/**
 * Scaffolds an organisation's SDK package from the templates: package.json, floe.config.json
 * pointing at the plan, tsup build, the `/validators` entry, a test importing every builder,
 * LICENSE, README with the catalogue, the HTML catalogue, and a changesets setup at the
 * changesets root when there is none yet. It never overwrites: the folder must be new or empty.
 *
 * @param options - folder, name, schema folder, licence and repository
 * @throws CliUsageError when the folder has files or the name is not a valid npm name
 */
export function scaffoldPackage(options: ScaffoldOptions): ScaffoldResult {
  const { packageDir, name } = options;
  if (!/^(@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/.test(name) || name.length > 214) {
    throw new CliUsageError(
      'usage',
      `--name "${name}" is not a valid npm package name (e.g. @acme/tracking)`,
    );
  }
  if (existsSync(packageDir) && readdirSync(packageDir).length > 0) {
    throw new CliUsageError(
      'usage',
      `${packageDir} is not empty; floe init writes only into a new or empty folder`,
    );
  }
  mkdirSync(packageDir, { recursive: true });
  const written: string[] = [];
  const kept: string[] = [];
  const warnings: string[] = [];
  const fill = (text: string) =>
    text
      .replaceAll('{{name}}', name)
      .replaceAll('{{year}}', String(new Date().getFullYear()))
      .replaceAll('{{holder}}', options.holder);
  const source = join(templatesDir(), 'sdk-package');
  for (const template of listTemplates(source).sort()) {
    const target = targetOf(template, options.license);
    if (target)
      write(join(packageDir, target), fill(readFileSync(join(source, template), 'utf8')), written);
  }
  const repository = sdkRepository(packageDir, options.repository);
  if (!repository) {
    warnings.push(
      'no --repository and no git remote "origin": add "repository" and "homepage" to package.json before publishing',
    );
  }
  const manifest = sdkPackageManifest({
    name,
    license: options.license,
    ...(repository ? { repository } : {}),
  });
  write(join(packageDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`, written);
  const config = {
    codegen: {
      schemas: posix(relative(packageDir, options.schemasDir)),
      out: 'src/generated',
      command: 'npm run generate',
    },
  };
  write(join(packageDir, 'floe.config.json'), `${JSON.stringify(config, null, 2)}\n`, written);

  const changesets = join(findChangesetRoot(packageDir), '.changeset');
  for (const file of ['config.json', 'README.md']) {
    const target = join(changesets, file);
    if (existsSync(target)) kept.push(target);
    else write(target, readFileSync(join(source, 'changeset', file), 'utf8'), written);
  }

  const catalogue = writeCatalogue({
    schemasDir: options.schemasDir,
    specsDir: join(dirname(resolve(options.schemasDir)), 'specs'),
    config: config.codegen,
    title: name,
    importFrom: name,
    outDir: join(packageDir, 'catalogue'),
    readme: join(packageDir, 'README.md'),
  });
  for (const file of catalogue.files) if (!written.includes(file)) written.push(file);
  return { written, kept, warnings };
}
