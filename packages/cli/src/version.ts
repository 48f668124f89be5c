import packageJson from '../package.json';

/** The version of `@floe/cli`, read from its package.json at build time. */
export const CLI_VERSION: string = packageJson.version;
