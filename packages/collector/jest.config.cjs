// Every suite here opens real sockets (and one a browser): run them one at a time (decision 24).
module.exports = { ...require('../../jest.preset.cjs'), maxWorkers: 1 };
