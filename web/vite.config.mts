/// <reference types="vitest/config" />
import * as path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = path.resolve(import.meta.dirname, '..');

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  resolve: {
    alias: {
      '@tillit/domain': path.join(root, 'libs/domain/src/index.ts'),
      '@tillit/contract': path.join(root, 'libs/contract/src/index.ts'),
    },
  },
  server: { port: 4200, proxy: { '/api': 'http://localhost:3000' } },
  build: { outDir: path.join(root, 'dist/web'), emptyOutDir: true, sourcemap: true },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.spec.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
  },
});
