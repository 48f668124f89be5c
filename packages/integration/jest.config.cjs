const path = require('node:path');
const preset = require('../../jest.preset.cjs');

// Integration tests open real sockets, and one of them runs `npm start` in a child process, so
// they run one file at a time. The demo lives in examples/, outside the preset's packages/ mapping,
// so it gets its own mapping ahead of the generic one.
const demoSrc = path.join(__dirname, '..', '..', 'examples', 'demo', 'src');

module.exports = {
  ...preset,
  maxWorkers: 1,
  testTimeout: 30_000,
  moduleNameMapper: {
    '^@floe/example-demo$': path.join(demoSrc, 'index.ts'),
    ...preset.moduleNameMapper,
  },
};
