import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { CliIo } from './cli-io';
import { CliUsageError } from './cli-usage-error';
import { defineCommand } from './command';
import { suggestion } from './did-you-mean';
import { SDK_LICENSES, type SdkLicense } from './sdk-package-manifest';
import { INIT_USAGE } from './usage';

const flags = {
  name: { type: 'string' },
  schemas: { type: 'string' },
  repository: { type: 'string' },
  license: { type: 'string' },
  author: { type: 'string' },
} as const;

function parseLicense(text: string | undefined): SdkLicense {
  if (text === undefined) return 'MIT';
  const license = SDK_LICENSES.find((id) => id.toLowerCase() === text.toLowerCase());
  if (!license) {
    const hint = suggestion(text, SDK_LICENSES);
    throw new CliUsageError(
      'usage',
      `--license must be ${SDK_LICENSES.join(' or ')}, got "${text}"${hint}`,
    );
  }
  return license;
}

/**
 * `floe init <dir> --name <package> [--schemas dir] [--repository url] [--license MIT|Apache-2.0]
 * [--author text]`: scaffolds an organisation's SDK package (see docs/sdk-publishing.md). Exits 0;
 * 2 for bad arguments, a folder that is not empty or a schema folder that does not exist.
 */
export const initCommand = defineCommand({
  usage: INIT_USAGE,
  flags,
  positionals: 1,
  async run(values, io: CliIo) {
    const [dir] = values.positionals ?? [];
    if (!dir)
      throw new CliUsageError(
        'usage',
        'name the folder of the new package, e.g. floe init packages/acme-tracking',
      );
    if (!values.name)
      throw new CliUsageError('usage', '--name is required, e.g. --name @acme/tracking');
    const license = parseLicense(values.license);
    const schemasDir = resolve(io.cwd, values.schemas ?? 'schemas');
    if (!existsSync(schemasDir) || !statSync(schemasDir).isDirectory()) {
      throw new CliUsageError(
        'usage',
        `schema folder ${values.schemas ?? 'schemas'} does not exist`,
      );
    }
    const { scaffoldPackage } = await import('./scaffold-package');
    const packageDir = resolve(io.cwd, dir);
    const result = scaffoldPackage({
      packageDir,
      name: values.name,
      schemasDir,
      license,
      holder: values.author ?? `The ${values.name} authors`,
      ...(values.repository ? { repository: values.repository } : {}),
    });
    const show = (file: string) => relative(io.cwd, file);
    let text = '';
    for (const file of result.written) text += `created   ${show(file)}\n`;
    for (const file of result.kept) text += `kept      ${show(file)} (already there)\n`;
    text += `floe init: ${values.name} in ${show(packageDir)}; next: npm install, then npm run generate and npm run build in it (docs/sdk-publishing.md)\n`;
    io.stdout.write(text);
    for (const warning of result.warnings) io.stderr.write(`floe init: warning: ${warning}\n`);
    return 0;
  },
});
