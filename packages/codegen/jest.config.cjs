const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  moduleNameMapper: {
    // See test/prettier-stub.cjs: json-schema-to-typescript imports Prettier, Floe never uses it.
    '^prettier$': '<rootDir>/test/prettier-stub.cjs',
    ...preset.moduleNameMapper,
  },
};
