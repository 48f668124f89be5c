const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  moduleNameMapper: {
    // json-schema-to-typescript imports Prettier, whose CommonJS entry cannot load in jest's VM;
    // @floe/codegen never formats with it (see packages/codegen/test/prettier-stub.cjs).
    '^prettier$': '<rootDir>/../codegen/test/prettier-stub.cjs',
    ...preset.moduleNameMapper,
  },
};
