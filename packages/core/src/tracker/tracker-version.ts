import { version as coreVersion } from '../../package.json';
import { TrackerConfigError } from './tracker-config-error';

/** Which Floe package drives the tracker; it becomes the middle of `tv`. */
export interface TrackerAdapter {
  readonly name: 'core' | 'node' | 'browser' | 'edge';
  /** The adapter package's own version. */
  readonly version: string;
}

const ADAPTERS: ReadonlySet<string> = new Set(['core', 'node', 'browser', 'edge']);
const VERSION = /^[0-9A-Za-z.+-]+$/;

/**
 * The `tv` value, `floe-<adapter>-<version>` (decision 10). Without an adapter it names core and
 * the version in core's own package.json, so a release bump changes it with no code edit.
 *
 * @param adapter - the adapter tag an adapter package passes.
 * @throws TrackerConfigError for an unknown adapter name or a malformed version.
 */
export function trackerVersion(adapter?: TrackerAdapter): string {
  if (adapter === undefined) return `floe-core-${coreVersion}`;
  const { name, version } = adapter;
  if (!ADAPTERS.has(name) || typeof version !== 'string' || !VERSION.test(version)) {
    throw new TrackerConfigError(
      'adapter must be { name: core | node | browser | edge, version: a semver string }',
    );
  }
  const tv = `floe-${name}-${version}`;
  // v_tracker holds 100 characters.
  if (tv.length > 100) throw new TrackerConfigError(`tracker version ${tv} is over 100 characters`);
  return tv;
}
