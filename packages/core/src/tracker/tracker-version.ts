import { version as coreVersion } from '../../package.json';
import { FloeError } from '../errors/floe-error';
import type { TrackerAdapter } from './tracker-options';

const ADAPTERS: readonly string[] = ['core', 'node', 'browser', 'edge'];

/**
 * The `tv` value, `floe-<adapter>-<version>` (decision 10). Without an adapter it names core and
 * the version in core's own package.json, so a release bump changes it with no code edit.
 *
 * @param adapter - the adapter tag an adapter package passes.
 * @throws FloeError (`invalid_config`) for an unknown adapter name or a malformed version.
 */
export function trackerVersion(adapter?: TrackerAdapter): string {
  if (adapter === undefined) return `floe-core-${coreVersion}`;
  const { name, version } = adapter;
  // v_tracker holds 100 characters; the longest prefix, `floe-browser-`, leaves 87.
  if (
    !ADAPTERS.includes(name) ||
    typeof version !== 'string' ||
    !/^[0-9A-Za-z.+-]{1,87}$/.test(version)
  ) {
    throw new FloeError(
      'invalid_config',
      'adapter must be { name: core | node | browser | edge, version: a semver string }',
    );
  }
  return `floe-${name}-${version}`;
}
