// Shared Jest settings: ts-jest in isolated mode (fast, keeps decorator metadata) and JSON reports
// that scripts/run-tests.mjs adds up into one closing line.
const path = require('node:path');

function preset(projectName, dir, overrides = {}) {
  return {
    displayName: projectName,
    rootDir: dir,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/**/*.spec.ts'],
    transform: {
      '^.+\\.tsx?$': ['ts-jest', { tsconfig: path.join(dir, 'tsconfig.json') }],
    },
    moduleNameMapper: {
      '^@tillit/domain$': path.join(__dirname, 'libs/domain/src/index.ts'),
      '^@tillit/domain/testing$': path.join(__dirname, 'libs/domain/src/testing/index.ts'),
      '^@tillit/domain/ordinance$': path.join(__dirname, 'libs/domain/src/ordinance/index.ts'),
      '^@tillit/domain/ordinance-schema$': path.join(__dirname, 'libs/domain/src/ordinance/ordinance.schema.ts'),
      '^@tillit/contract$': path.join(__dirname, 'libs/contract/src/index.ts'),
      '^@tillit/migrations$': path.join(__dirname, 'migrations/src/index.ts'),
    },
    ...overrides,
  };
}

module.exports = { preset };
