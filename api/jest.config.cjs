const { preset } = require('../jest.preset.cjs');
module.exports = preset('api', __dirname, {
  // Each spec file boots its own app on its own database; two at a time fits two cores.
  maxWorkers: 2,
  testTimeout: 60000,
  // Server-only specs (they start and stop a PostgreSQL cluster of their own) run when a server is configured.
  testPathIgnorePatterns: process.env.TEST_DATABASE_URL ? [] : ['\\.server\\.spec\\.ts$'],
});
