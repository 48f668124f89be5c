// Shared jest settings: every package runs its TypeScript tests through ts-jest (transpile only;
// `npm run typecheck` does the type checking) and resolves sibling @floe/* packages to their
// sources, so a test never runs against a stale build.
const path = require('node:path');

const packagesDir = path.join(__dirname, 'packages');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': [
      'ts-jest',
      { tsconfig: path.join(__dirname, 'tsconfig.jest.json'), diagnostics: false },
    ],
  },
  moduleNameMapper: {
    '^@floe/([a-z-]+)$': `${packagesDir}/$1/src/index.ts`,
    '^@floe/([a-z-]+)/(.+)$': `${packagesDir}/$1/src/$2`,
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'cjs', 'mjs', 'json'],
  clearMocks: true,
  // In CI a test that fails before closing its server must not hang the run until the job's time
  // limit: jest exits when the tests are done. Leaked handles are still caught where they matter,
  // by the I6 rows that assert none is left.
  forceExit: process.env.CI === 'true',
};
