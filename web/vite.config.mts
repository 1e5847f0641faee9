/// <reference types="vitest/config" />
import * as path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = path.resolve(import.meta.dirname, '..');

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  resolve: {
    // Exact names: `@tillit/domain/testing` (test data, for specs only) is not under the domain's entry, and
    // the web takes only the ordinance's schema (codes, fields, the mapping), never its readers (exceljs).
    alias: [
      { find: /^@tillit\/domain$/, replacement: path.join(root, 'libs/domain/src/index.ts') },
      { find: /^@tillit\/domain\/testing$/, replacement: path.join(root, 'libs/domain/src/testing/index.ts') },
      { find: /^@tillit\/domain\/ordinance-schema$/, replacement: path.join(root, 'libs/domain/src/ordinance/ordinance.schema.ts') },
      { find: /^@tillit\/contract$/, replacement: path.join(root, 'libs/contract/src/index.ts') },
    ],
  },
  server: { port: 4200, proxy: { '/api': 'http://localhost:3000' } },
  build: { outDir: path.join(root, 'dist/web'), emptyOutDir: true, sourcemap: true },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.spec.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
    // A component test renders the example plan; under load that takes seconds, not milliseconds.
    testTimeout: 60000,
  },
});
