// Serial on purpose: the emitter suites (test/emitter) drive real loopback sockets with 200 ms
// timeouts and assert timing lower bounds, which parallel workers on a 2-core machine would skew.
module.exports = { ...require('../../jest.preset.cjs'), maxWorkers: 1 };
