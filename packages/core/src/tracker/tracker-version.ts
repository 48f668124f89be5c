import { version as coreVersion } from '../../package.json';
import type { TrackerAdapter } from './tracker-options';

/**
 * The `tv` value, `floe-<adapter>-<version>` (decision 10). Without an adapter it names core and
 * the version in core's own package.json, so a release bump changes it with no code edit.
 *
 * @param adapter - the tag an adapter package passes (its name and its own version).
 */
export function trackerVersion(adapter?: TrackerAdapter): string {
  return adapter ? `floe-${adapter.name}-${adapter.version}` : `floe-core-${coreVersion}`;
}
