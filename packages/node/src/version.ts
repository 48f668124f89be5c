import { version } from '../package.json';

/** The version of `@floe/node`, read from its package.json at build time so releases keep it true. */
export const NODE_ADAPTER_VERSION: string = version;
