// Socket- and child-process-heavy suites: run them one at a time (decision 24).
module.exports = { ...require('../../jest.preset.cjs'), maxWorkers: 1 };
