import { version } from '../package.json';

/** The version of `@floe/browser`, read from its package.json at build time; `tv` is `floe-browser-<it>`. */
export const BROWSER_ADAPTER_VERSION: string = version;
