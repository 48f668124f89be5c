import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The `templates/` folder shipped in `@floe/cli`, found by walking up from this file to the
 * package's own package.json: the same code runs from `dist/` (built, `__dirname` shimmed by
 * tsup in ESM) and from `src/` under jest.
 */
export function templatesDir(): string {
  let dir = __dirname;
  for (let depth = 0; depth < 6; depth++) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === '@floe/cli') {
      return join(dir, 'templates');
    }
    dir = dirname(dir);
  }
  throw new Error(`@floe/cli's templates folder was not found above ${__dirname}`);
}
