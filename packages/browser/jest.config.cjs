// One headless Chromium per suite and real loopback servers: run the suites one at a time
// (decision 24).
module.exports = { ...require('../../jest.preset.cjs'), maxWorkers: 1 };
