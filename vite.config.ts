/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { offRampDevServer } from './src/demo/server.ts';

/**
 * One file for the demo app (`vite`, `vite build`, `vite preview`), the library build
 * (`vite build --mode lib`) and the test projects.
 */
export default defineConfig(({ mode }) => ({
  plugins: [react(), offRampDevServer()],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build:
    mode === 'lib'
      ? {
          outDir: 'dist',
          copyPublicDir: false,
          lib: { entry: { index: 'src/index.ts' }, formats: ['es'] },
          rollupOptions: { external: [/^react($|\/)/, /^react-dom($|\/)/] },
        }
      : { outDir: 'dist-demo' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          globals: true,
          environment: 'jsdom',
          setupFiles: ['./test/setup.ts'],
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          globals: true,
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
}));
