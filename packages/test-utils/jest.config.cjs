// Serial: the fault-server tests use real loopback sockets and client timeouts.
module.exports = { ...require('../../jest.preset.cjs'), maxWorkers: 1 };
