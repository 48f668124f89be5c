// The edge suites start real runtimes (workerd through miniflare, edge-runtime) and the embedded
// collector: one file at a time (decision 24).
module.exports = { ...require('../../jest.preset.cjs'), maxWorkers: 1, testTimeout: 60_000 };
