// @floe/events: typed builders generated from the repository's schemas/ by `npm run generate`
// (floe.config.json). Everything, the short aliases included, is generated; only this line is not.
export * from './generated/index';
